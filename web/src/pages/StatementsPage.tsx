/** Quote chains: a statement as each article reported it, earliest first. */
import { useEffect, useState } from 'preact/hooks';
import { api, type Page, type QuoteItem, type StatementSummary } from '../api.ts';
import { day } from '../format.ts';
import { labels } from '../i18n.ts';
import { Link } from '../router.tsx';

export function StatementsPage() {
  const t = labels();
  const [page, setPage] = useState<Page<StatementSummary> | null>(null);
  useEffect(() => {
    api.statements({ limit: 50 }).then(setPage, () => setPage({ total: 0, limit: 50, offset: 0, items: [] }));
  }, []);
  return (
    <div>
      <h1>{t.statements}</h1>
      {!page ? (
        <p>{t.loading}</p>
      ) : page.items.length === 0 ? (
        <p>{t.noResults}</p>
      ) : (
        <ul class="cards">
          {page.items.map((s) => (
            <li key={s.id} class="card">
              <div class="card-head">
                <Link href={`/statements/${s.id}`}>{t.reportedBy(s.size)}</Link>
                <span class="muted"> · {day(s.firstPublished)}</span>
                {s.speaker && (
                  <span lang="ar" dir="rtl">
                    {' — '}
                    {s.speaker}
                  </span>
                )}
              </div>
              <blockquote lang="ar" dir="rtl">
                {s.content}
              </blockquote>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function StatementPage(props: { id: number }) {
  const t = labels();
  const [quotes, setQuotes] = useState<QuoteItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.statement(props.id).then((s) => setQuotes(s.quotes), (e: Error) => setError(e.message));
  }, [props.id]);
  if (error) return <p class="message">{`${t.error}: ${error}`}</p>;
  if (!quotes) return <p>{t.loading}</p>;
  return (
    <div>
      <h1>
        {t.statements} <span class="muted">({t.firstReported})</span>
      </h1>
      <ol class="timeline chain">
        {quotes.map((q) => (
          <li key={`${q.article}-${q.quote}`} class="timeline-item">
            <div class="when">
              {day(q.published)}
              {q.outlet ? ` · ${q.outlet}` : ''}
            </div>
            <blockquote lang="ar" dir="rtl">
              {q.content}
            </blockquote>
            <div class="muted">
              {q.speaker &&
                (q.person ? (
                  <Link href={`/person/${q.person}`} lang="ar" dir="rtl">
                    {q.speaker}
                  </Link>
                ) : (
                  <span lang="ar" dir="rtl">
                    {q.speaker}
                  </span>
                ))}
              {' · '}
              <Link href={`/article/${q.article}`} lang="ar" dir="rtl">
                {q.title ?? t.openArticle}
              </Link>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
