/** Predictions with their due dates: overdue first, each linked to the quotation it comes from. */
import { useEffect, useState } from 'preact/hooks';
import { api, type ClaimItem, type Page } from '../api.ts';
import { day } from '../format.ts';
import { Pager } from '../components/Pager.tsx';
import { labels } from '../i18n.ts';
import { Link } from '../router.tsx';

const TABS = ['overdue', 'soon', 'later', 'all'] as const;

export function ClaimsPage() {
  const t = labels();
  const [when, setWhen] = useState<(typeof TABS)[number]>('overdue');
  const [page, setPage] = useState<Page<ClaimItem> | null>(null);
  const [offset, setOffset] = useState(0);
  useEffect(() => {
    setPage(null);
    api.claims({ when, limit: 50, offset }).then(setPage, () => setPage({ total: 0, limit: 50, offset, items: [] }));
  }, [when, offset]);
  const name = { overdue: t.overdue, soon: t.dueSoon, later: t.later, all: t.all };
  return (
    <div>
      <h1>{t.claims}</h1>
      <div class="tabs" role="tablist">
        {TABS.map((w) => (
          <button
            type="button"
            role="tab"
            key={w}
            aria-selected={when === w}
            class={when === w ? 'tab active' : 'tab'}
            onClick={() => {
              setWhen(w);
              setOffset(0);
            }}
          >
            {name[w]}
          </button>
        ))}
      </div>
      {!page ? (
        <p>{t.loading}</p>
      ) : page.items.length === 0 ? (
        <p>{t.noResults}</p>
      ) : (
        <>
          <p class="muted">{t.results(page.total)}</p>
          <ul class="cards">
            {page.items.map((c, i) => (
              <li key={i} class="card claim">
                <div class="card-head">
                  <strong class="due">
                    {t.due}: {day(c.due)}
                  </strong>
                  {c.speaker && (
                    <span lang="ar" dir="rtl">
                      {' — '}
                      {c.person ? <Link href={`/person/${c.person}`}>{c.speaker}</Link> : c.speaker}
                    </span>
                  )}
                </div>
                <blockquote lang="ar" dir="rtl">
                  {c.text}
                </blockquote>
                <div class="muted">
                  {c.outlet ? `${c.outlet} · ` : ''}
                  {day(c.published)} ·{' '}
                  <Link href={`/article/${c.article}`} lang="ar" dir="rtl">
                    {c.title ?? t.openArticle}
                  </Link>
                </div>
              </li>
            ))}
          </ul>
          <Pager offset={offset} size={50} total={page.total} onPage={setOffset} />
        </>
      )}
    </div>
  );
}
