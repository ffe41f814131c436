/**
 * The article reader: the text with its quotations, and beside it who
 * speaks, the entities as chips, a small map of the places, the events and
 * claims (focusing one highlights its evidence in the text), and the
 * diagnostics. Used for stored articles and for a text just analysed.
 */
import { useMemo, useState } from 'preact/hooks';
import type { ArticleRecord, Span } from '../api.ts';
import { day } from '../format.ts';
import { labels } from '../i18n.ts';
import { Link, navigate } from '../router.tsx';
import { ArticleText, speakerColours } from './ArticleText.tsx';
import { BaseMap, countryName, type MapPoint } from './BaseMap.tsx';

export function Reader(props: { record: ArticleRecord; personIds?: Record<string, number> }) {
  const t = labels();
  const r = props.record;
  const [evidence, setEvidence] = useState<Span | null>(null);
  const colours = useMemo(() => speakerColours(r.people), [r.people]);
  const people = useMemo(() => new Map(r.people.map((p) => [p.id, p])), [r.people]);
  const quoteCount = new Map<string, number>();
  for (const q of r.quotes) if (q.speaker) quoteCount.set(q.speaker, (quoteCount.get(q.speaker) ?? 0) + 1);

  const points: MapPoint[] = useMemo(
    () =>
      r.places
        .filter((p) => p.lat !== undefined && p.lon !== undefined)
        .map((p) => ({
          lat: p.lat!,
          lon: p.lon!,
          radius: 7,
          colour: '#b45309',
          className: 'place-marker',
          label: `${p.name}${p.country ? ` (${countryName(p.country)})` : ''}`,
        })),
    [r.places],
  );
  const unresolved = r.places.filter((p) => p.lat === undefined);
  const entityGroups = (['PER', 'ORG', 'LOC', 'MISC'] as const)
    .map((type) => ({ type, items: r.entities.filter((e) => e.type === type) }))
    .filter((g) => g.items.length);
  const focusable = (span: Span) => ({
    tabIndex: 0,
    onMouseEnter: () => setEvidence(span),
    onFocus: () => setEvidence(span),
    onMouseLeave: () => setEvidence(null),
    onBlur: () => setEvidence(null),
  });
  const asserter = (id: string) => (id === 'outlet' ? t.outletNarration : (people.get(id)?.name ?? id));

  return (
    <article class="reader">
      <header class="reader-head">
        {r.meta.title && (
          <h1 lang="ar" dir="rtl">
            {r.meta.title}
          </h1>
        )}
        <p class="meta">
          {r.meta.outlet && <span lang="ar" dir="auto">{r.meta.outlet}</span>}
          {r.meta.published && <span> · {day(r.meta.published)}</span>}
          {r.meta.url && /^https?:\/\//i.test(r.meta.url) && (
            <span>
              {' · '}
              <a href={r.meta.url} rel="noopener noreferrer nofollow" target="_blank" dir="ltr">
                {t.source}
              </a>
            </span>
          )}
          <span class="count"> · {t.quotesCount(r.quotes.length)}</span>
        </p>
      </header>
      <div class="reader-body">
        <ArticleText text={r.text} quotes={r.quotes} people={r.people} evidence={evidence} />
        <aside class="reader-side">
          {r.people.length > 0 && (
            <section>
              <h2>{t.quotes}</h2>
              <ul class="speakers">
                {r.people.map((p) => {
                  const global = props.personIds?.[p.id];
                  const name = (
                    <span lang="ar" dir="rtl" class="speaker-name">
                      {p.name}
                    </span>
                  );
                  return (
                    <li key={p.id}>
                      <span class="swatch" style={{ background: colours.get(p.id) }} aria-hidden="true" />
                      {global ? <Link href={`/person/${global}`}>{name}</Link> : name}
                      <span class="n"> ({quoteCount.get(p.id) ?? 0})</span>
                      {p.titles.length > 0 && (
                        <div class="titles" lang="ar" dir="rtl">
                          {p.titles.join('، ')}
                        </div>
                      )}
                      {p.affiliations.length > 0 && (
                        <div class="titles" lang="ar" dir="rtl">
                          {p.affiliations.join('، ')}
                        </div>
                      )}
                    </li>
                  );
                })}
              </ul>
            </section>
          )}
          {entityGroups.length > 0 && (
            <section>
              <h2>{t.entities}</h2>
              {entityGroups.map((g) => (
                <div class="chips" key={g.type}>
                  <span class="chip-group">{t.entityTypes[g.type]}</span>
                  {g.items.map((e, i) => (
                    <button
                      type="button"
                      key={i}
                      class={`chip chip-${e.type}`}
                      lang="ar"
                      dir="rtl"
                      title={e.canonical ?? undefined}
                      {...focusable(e)}
                      onClick={() =>
                        navigate(`/search?${new URLSearchParams(e.type === 'ORG' ? { org: e.canonical ?? e.text } : e.type === 'LOC' ? { place: e.text } : e.type === 'PER' ? { speaker: e.text } : { q: `"${e.text}"` })}`)
                      }
                    >
                      {e.text}
                    </button>
                  ))}
                </div>
              ))}
            </section>
          )}
          {r.places.length > 0 && (
            <section>
              <h2>{t.places}</h2>
              {points.length > 0 && <BaseMap points={points} height={220} label={t.places} />}
              <ul class="plain">
                {r.places.map((p, i) => (
                  <li key={i} {...focusable(p)}>
                    <span lang="ar" dir="rtl">
                      {p.text}
                    </span>
                    {p.lat !== undefined && (
                      <span class="muted">
                        {' → '}
                        <span lang="ar" dir="rtl">
                          {p.name}
                        </span>
                        {p.country ? ` (${countryName(p.country)})` : ''}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
              {unresolved.length > 0 && <p class="muted">{`${t.unresolvedPlaces}: ${unresolved.length}`}</p>}
            </section>
          )}
        </aside>
      </div>
      {r.events.length > 0 && (
        <section class="events">
          <h2>{t.events}</h2>
          <ul class="cards">
            {r.events.map((e, i) => (
              <li key={i} class="card event" {...focusable(e.evidence)}>
                <div class="card-head">
                  <strong>{e.type}</strong>
                  {e.mode && <span class="muted"> / {e.mode}</span>}
                  <span class={`status status-${e.status}`}>{t.statuses[e.status] ?? e.status}</span>
                </div>
                <div lang="ar" dir="rtl">
                  {e.actor?.text ?? '—'} ← {e.target?.text ?? '—'}
                  {e.place ? ` · ${e.place.text}` : ''}
                  {e.date ? ` · ${e.date}` : ''}
                </div>
                <div class="muted">
                  {t.assertedBy}: <span lang="ar" dir="auto">{asserter(e.assertedBy)}</span>
                </div>
                <blockquote lang="ar" dir="rtl">
                  {e.evidence.text}
                </blockquote>
              </li>
            ))}
          </ul>
        </section>
      )}
      {r.claims.length > 0 && (
        <section class="claims">
          <h2>{t.claimsTitle}</h2>
          <ul class="cards">
            {r.claims.map((c, i) => (
              <li key={i} class="card claim" {...focusable(c)}>
                <div class="card-head">
                  <strong>{t.kinds[c.kind] ?? c.kind}</strong>
                  {c.due && (
                    <span class="due">
                      {t.due}: {day(c.due)}
                    </span>
                  )}
                  {c.speaker && (
                    <span class="muted" lang="ar" dir="rtl">
                      {' '}
                      — {people.get(c.speaker)?.name ?? c.speaker}
                    </span>
                  )}
                </div>
                <blockquote lang="ar" dir="rtl">
                  {c.text}
                </blockquote>
              </li>
            ))}
          </ul>
        </section>
      )}
      {r.diagnostics.length > 0 && (
        <details class="diagnostics">
          <summary>
            {t.diagnostics} ({r.diagnostics.length})
          </summary>
          <ul>
            {r.diagnostics.map((d, i) => (
              <li key={i}>
                <code>{d.code}</code> {d.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}
