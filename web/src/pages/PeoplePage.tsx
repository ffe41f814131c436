/** People, the most quoted first, with a name filter. */
import { useEffect, useState } from 'preact/hooks';
import { api, type Page } from '../api.ts';
import { labels } from '../i18n.ts';
import { Link } from '../router.tsx';

type Row = { id: number; name: string; quotes: number; articles: number };

export function PeoplePage() {
  const t = labels();
  const [q, setQ] = useState('');
  const [page, setPage] = useState<Page<Row> | null>(null);
  useEffect(() => {
    const timer = setTimeout(() => {
      api.people({ ...(q.trim() ? { q: q.trim() } : {}), limit: 100 }).then(setPage, () => setPage(null));
    }, 200);
    return () => clearTimeout(timer);
  }, [q]);
  return (
    <div>
      <h1>{t.people}</h1>
      <input
        type="search"
        lang="ar"
        dir="rtl"
        aria-label={t.people}
        value={q}
        onInput={(e) => setQ(e.currentTarget.value)}
      />
      {!page ? (
        <p>{t.loading}</p>
      ) : (
        <ul class="plain people">
          {page.items.map((p) => (
            <li key={p.id}>
              <Link href={`/person/${p.id}`} lang="ar" dir="rtl">
                {p.name}
              </Link>
              <span class="muted">
                {' '}
                {t.quotesCount(p.quotes)} · {p.articles} {t.articles}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
