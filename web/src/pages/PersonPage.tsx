/**
 * A person across articles: titles and affiliations with the span of dates
 * they were given, every quotation as a timeline (oldest first, each outlet
 * named), and the people quoted in the same articles.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, type PersonDetail } from '../api.ts';
import { day } from '../format.ts';
import { labels } from '../i18n.ts';
import { Link } from '../router.tsx';

export function PersonPage(props: { id: number }) {
  const t = labels();
  const [p, setP] = useState<PersonDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setP(null);
    setError(null);
    api.person(props.id).then(setP, (e: Error) => setError(e.message));
  }, [props.id]);
  if (error) return <p class="message">{`${t.error}: ${error}`}</p>;
  if (!p) return <p>{t.loading}</p>;
  const spans = (title: string, list: PersonDetail['titles']) =>
    list.length > 0 && (
      <section>
        <h2>{title}</h2>
        <ul class="plain spans">
          {list.map((s) => (
            <li key={s.text}>
              <span lang="ar" dir="rtl">
                {s.text}
              </span>
              <span class="muted">
                {' '}
                {day(s.first)} – {day(s.last)} · {s.articles} {t.articles}
              </span>
            </li>
          ))}
        </ul>
      </section>
    );
  return (
    <div class="person">
      <h1 lang="ar" dir="rtl">
        {p.name}
      </h1>
      {p.wikidata && (
        <p class="muted" dir="ltr">
          Wikidata {p.wikidata}
        </p>
      )}
      <div class="two">
        <div>
          {spans(t.titles, p.titles)}
          {spans(t.affiliations, p.affiliations)}
        </div>
        {p.alongside.length > 0 && (
          <section>
            <h2>{t.quotedAlongside}</h2>
            <ul class="plain">
              {p.alongside.map((o) => (
                <li key={o.id}>
                  <Link href={`/person/${o.id}`} lang="ar" dir="rtl">
                    {o.name}
                  </Link>
                  <span class="muted"> ({o.articles})</span>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
      <section>
        <h2>
          {t.timeline} ({p.quotes.length})
        </h2>
        <ol class="timeline">
          {p.quotes.map((q) => (
            <li key={`${q.article}-${q.quote}`} class="timeline-item">
              <div class="when">
                {day(q.published)}
                {q.outlet ? ` · ${q.outlet}` : ''}
              </div>
              <blockquote lang="ar" dir="rtl" class={`quote-${q.kind}`}>
                {q.content}
              </blockquote>
              <div class="muted">
                {q.verb && (
                  <span lang="ar" dir="rtl">
                    {q.verb}
                  </span>
                )}
                {q.channel && (
                  <span lang="ar" dir="rtl">
                    {' · '}
                    {q.channel}
                  </span>
                )}
                {' · '}
                <Link href={`/article/${q.article}`} lang="ar" dir="rtl">
                  {q.title ?? t.openArticle}
                </Link>
                {q.statement !== null && (
                  <>
                    {' · '}
                    <Link href={`/statements/${q.statement}`}>{t.statements}</Link>
                  </>
                )}
              </div>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
