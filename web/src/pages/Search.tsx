/**
 * Search: the query language of `isnad search`, with a facet for each
 * filter (the most frequent values offered as suggestions), results with
 * their matched words marked (from the snippet's offsets, as text).
 */
import { useEffect, useState } from 'preact/hooks';
import { api, type Facets, type SearchHit } from '../api.ts';
import { day } from '../format.ts';
import { Pager } from '../components/Pager.tsx';
import { labels } from '../i18n.ts';
import { Link, navigate } from '../router.tsx';

const FIELDS = ['q', 'speaker', 'org', 'place', 'type', 'outlet', 'from', 'to'] as const;
type Field = (typeof FIELDS)[number];
export type SearchParams = Partial<Record<Field, string>>;

let facetsOnce: Promise<Facets> | null = null;

export function SearchForm(props: { initial: SearchParams }) {
  const t = labels();
  const [values, setValues] = useState<SearchParams>(props.initial);
  const [facets, setFacets] = useState<Facets | null>(null);
  useEffect(() => setValues(props.initial), [JSON.stringify(props.initial)]);
  useEffect(() => {
    facetsOnce ??= api.facets();
    facetsOnce.then(setFacets, () => {
      facetsOnce = null;
    });
  }, []);
  const set = (k: Field) => (e: Event) => setValues({ ...values, [k]: (e.currentTarget as HTMLInputElement).value });
  const submit = (e: Event) => {
    e.preventDefault();
    const p = new URLSearchParams();
    for (const k of FIELDS) if (values[k]?.trim()) p.set(k, values[k]!.trim());
    navigate(`/search?${p}`);
  };
  const facet = (k: Field, label: string, list: { value: string; count: number }[] | undefined) => (
    <label class="facet">
      <span>{label}</span>
      <input name={k} list={`facet-${k}`} value={values[k] ?? ''} onInput={set(k)} lang="ar" dir="auto" />
      <datalist id={`facet-${k}`}>
        {(list ?? []).map((v) => (
          <option key={v.value} value={v.value}>
            {`${v.value} (${v.count})`}
          </option>
        ))}
      </datalist>
    </label>
  );
  return (
    <form class="search-form" role="search" onSubmit={submit}>
      <div class="row">
        <input
          type="search"
          name="q"
          class="q"
          lang="ar"
          dir="rtl"
          placeholder={t.searchPlaceholder}
          aria-label={t.search}
          value={values.q ?? ''}
          onInput={set('q')}
        />
        <button type="submit" class="primary">
          {t.search}
        </button>
      </div>
      <div class="facets">
        {facet('speaker', t.speaker, facets?.speakers)}
        {facet('org', t.organisation, facets?.organisations)}
        {facet('place', t.place, facets?.places)}
        <label class="facet">
          <span>{t.eventType}</span>
          <select name="type" value={values.type ?? ''} onChange={set('type')}>
            <option value="">{t.any}</option>
            {(facets?.types ?? []).map((v) => (
              <option key={v.value} value={v.value}>
                {`${v.value} (${v.count})`}
              </option>
            ))}
          </select>
        </label>
        {facet('outlet', t.outlet, facets?.outlets)}
        <label class="facet">
          <span>{t.from}</span>
          <input type="date" name="from" value={values.from ?? ''} onInput={set('from')} />
        </label>
        <label class="facet">
          <span>{t.to}</span>
          <input type="date" name="to" value={values.to ?? ''} onInput={set('to')} />
        </label>
      </div>
    </form>
  );
}

/** A snippet with its matched words in <b>, built from offsets: text nodes only. */
function Snippet(props: { hit: SearchHit }) {
  const s = props.hit.snippet;
  const out: (string | preact.JSX.Element)[] = [];
  let at = s.start;
  for (const [i, h] of s.highlights.entries()) {
    if (h.start < at || h.end > s.end) continue;
    out.push(s.text.slice(at - s.start, h.start - s.start));
    out.push(<b key={i}>{s.text.slice(h.start - s.start, h.end - s.start)}</b>);
    at = h.end;
  }
  out.push(s.text.slice(at - s.start));
  return (
    <p class="snippet" lang="ar" dir="rtl">
      …{out}…
    </p>
  );
}

export function SearchPage(props: { search: string }) {
  const t = labels();
  const params = Object.fromEntries(
    [...new URLSearchParams(props.search)].filter(([k]) => (FIELDS as readonly string[]).includes(k)),
  ) as SearchParams;
  const offset = Number(new URLSearchParams(props.search).get('offset') ?? 0) || 0;
  const [result, setResult] = useState<{ total: number; hits: SearchHit[]; notes: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setResult(null);
    setError(null);
    api.search({ ...params, limit: 20, offset }).then(setResult, (e: Error) => setError(e.message));
  }, [props.search]);
  const page = (o: number) => {
    const p = new URLSearchParams(props.search);
    p.set('offset', String(o));
    navigate(`/search?${p}`);
  };
  return (
    <div>
      <SearchForm initial={params} />
      {error && <p class="message">{`${t.error}: ${error}`}</p>}
      {!result && !error && <p>{t.loading}</p>}
      {result && (
        <section class="results">
          <p class="muted" role="status">
            {result.total ? t.results(result.total) : t.noResults}
          </p>
          {result.notes.length > 0 && <p class="muted">{result.notes.join(' · ')}</p>}
          <ol class="hits">
            {result.hits.map((h) => (
              <li key={h.id} class="hit">
                <Link href={`/article/${h.id}`} lang="ar" dir="rtl" class="hit-title">
                  {h.title ?? h.id}
                </Link>
                <div class="muted">
                  {h.outlet ? `${h.outlet} · ` : ''}
                  {day(h.published)}
                </div>
                <Snippet hit={h} />
              </li>
            ))}
          </ol>
          <Pager offset={offset} size={20} total={result.total} onPage={page} />
        </section>
      )}
    </div>
  );
}
