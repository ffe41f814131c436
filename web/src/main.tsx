/**
 * The isnad web UI: Arabic first and right to left, English labels on
 * request. Pages by address; all article-derived text rendered as text.
 */
import { render } from 'preact';
import './styles.css';
import { lang, labels, setLang } from './i18n.ts';
import { ArticlePage, AnalysedPage } from './pages/ArticlePage.tsx';
import { ClaimsPage } from './pages/ClaimsPage.tsx';
import { Home } from './pages/Home.tsx';
import { MapPage } from './pages/MapPage.tsx';
import { PeoplePage } from './pages/PeoplePage.tsx';
import { PersonPage } from './pages/PersonPage.tsx';
import { SearchPage } from './pages/Search.tsx';
import { StatementPage, StatementsPage } from './pages/StatementsPage.tsx';
import { Link, location$, match } from './router.tsx';
import { useSignal } from './signal.ts';

function Page(props: { path: string; search: string }) {
  const t = labels();
  const { path, search } = props;
  if (path === '/') return <Home />;
  if (path === '/search') return <SearchPage search={search} />;
  if (path === '/analysed') return <AnalysedPage />;
  if (path === '/map') return <MapPage />;
  if (path === '/claims') return <ClaimsPage />;
  if (path === '/people') return <PeoplePage />;
  if (path === '/statements') return <StatementsPage />;
  let m = match('/article/:id', path);
  if (m) return <ArticlePage id={m.id!} />;
  m = match('/person/:id', path);
  if (m && /^\d+$/.test(m.id!)) return <PersonPage id={Number(m.id)} />;
  m = match('/statements/:id', path);
  if (m && /^\d+$/.test(m.id!)) return <StatementPage id={Number(m.id)} />;
  return <p class="message">{t.notFound}</p>;
}

function App() {
  const where = useSignal(location$);
  const current = useSignal(lang);
  const t = labels();
  const nav: [string, string][] = [
    ['/', t.home],
    ['/search', t.search],
    ['/people', t.people],
    ['/map', t.map],
    ['/claims', t.claims],
    ['/statements', t.statements],
  ];
  return (
    <>
      <header class="top">
        <Link href="/" class="brand">
          <span class="logo">{t.appName}</span>
          <span class="tagline">{t.tagline}</span>
        </Link>
        <nav aria-label={t.appName}>
          {nav.map(([href, label]) => (
            <Link key={href} href={href} aria-current={where.path === href ? 'page' : undefined}>
              {label}
            </Link>
          ))}
        </nav>
        <button
          type="button"
          class="lang"
          id="lang-toggle"
          aria-label={t.languageLabel}
          onClick={() => setLang(current === 'ar' ? 'en' : 'ar')}
        >
          {t.language}
        </button>
      </header>
      <main id="main">
        <Page path={where.path} search={where.search} />
      </main>
    </>
  );
}

setLang(lang.value);
render(<App />, document.getElementById('app')!);
