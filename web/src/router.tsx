/**
 * Routing by the address bar (history API): every page has an address a
 * reader can bookmark or share; the server answers any UI path with the page.
 */
import type { ComponentChildren } from 'preact';
import { signal } from './signal.ts';

export const location$ = signal({ path: location.pathname, search: location.search });

export function navigate(href: string, replace = false): void {
  if (replace) history.replaceState(null, '', href);
  else history.pushState(null, '', href);
  location$.value = { path: location.pathname, search: location.search };
  if (!replace) window.scrollTo(0, 0);
}

window.addEventListener('popstate', () => {
  location$.value = { path: location.pathname, search: location.search };
});

export function Link(props: {
  href: string;
  children: ComponentChildren;
  class?: string;
  lang?: string;
  dir?: 'rtl' | 'ltr' | 'auto';
  'aria-current'?: 'page';
}) {
  const { href, children, ...rest } = props;
  return (
    <a
      {...rest}
      href={href}
      onClick={(e) => {
        if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(href);
      }}
    >
      {children}
    </a>
  );
}

/** `/person/12` against `/person/:id` → { id: '12' }, or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/');
  const q = path.replace(/\/+$/, '').split('/');
  if (p.length !== q.length) return null;
  const out: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i]!.startsWith(':')) {
      try {
        out[p[i]!.slice(1)] = decodeURIComponent(q[i]!);
      } catch {
        return null;
      }
    } else if (p[i] !== q[i]) return null;
  }
  return out;
}
