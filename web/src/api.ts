/**
 * The API as the UI calls it. Types mirror the server's schemas
 * (src/server/schemas.ts); the record's shape is ../shared/spec/OUTPUT.md.
 * The ingest token arrives once in the address (#token=…, printed by
 * `isnad serve --new-token`) and is kept for the tab's session only.
 */

export interface Span {
  start: number;
  end: number;
}
export interface TextSpan extends Span {
  text: string;
}
export interface Person {
  id: string;
  name: string;
  titles: string[];
  affiliations: string[];
  group: boolean;
  mentions: TextSpan[];
  wikidata?: string;
}
export interface Quote {
  id: string;
  kind: 'direct' | 'indirect' | 'mixed';
  speaker: string | null;
  verb: { text: string; lemma: string; start: number; end: number } | null;
  content: TextSpan;
  channel: { kind: string; text: string; source?: string; start: number; end: number } | null;
  confidence: number;
}
export interface Entity extends TextSpan {
  id?: string;
  type: 'PER' | 'ORG' | 'LOC' | 'MISC';
  canonical?: string;
  wikidata?: string;
}
export interface Place extends TextSpan {
  name: string;
  country: string | null;
  lat?: number;
  lon?: number;
  kind: string;
}
export interface EventRecord {
  type: string;
  mode?: string;
  status: string;
  actor?: { text: string; code?: string } | null;
  target?: { text: string; code?: string } | null;
  place?: TextSpan | null;
  date?: string | null;
  assertedBy: string;
  quote?: string;
  evidence: TextSpan;
}
export interface Claim extends Span {
  kind: string;
  speaker: string | null;
  quote: string | null;
  text: string;
  due?: string;
}
export interface ArticleRecord {
  id: string;
  text: string;
  meta: { title?: string; outlet?: string; url?: string; published?: string; language: string };
  sources: (TextSpan & { name: string; kind: string })[];
  people: Person[];
  quotes: Quote[];
  entities: Entity[];
  places: Place[];
  events: EventRecord[];
  claims: Claim[];
  diagnostics: { code: string; message: string; start?: number; end?: number }[];
}

export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}
export interface ArticleSummary {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  url: string | null;
  quotes: number;
}
export interface SearchHit {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  score: number;
  snippet: { text: string; start: number; end: number; highlights: Span[] };
}
export interface FacetValue {
  value: string;
  count: number;
}
export interface Facets {
  outlets: FacetValue[];
  types: FacetValue[];
  organisations: FacetValue[];
  places: FacetValue[];
  speakers: FacetValue[];
}
export interface QuoteItem {
  article: string;
  quote: string;
  kind: string;
  content: string;
  verb: string | null;
  channel: string | null;
  person: number | null;
  speaker: string | null;
  titles: string[];
  statement: number | null;
  title: string | null;
  outlet: string | null;
  published: string | null;
}
export interface PersonDetail {
  id: number;
  name: string;
  wikidata: string | null;
  group: boolean;
  titles: { text: string; first: string | null; last: string | null; articles: number }[];
  affiliations: { text: string; first: string | null; last: string | null; articles: number }[];
  quotes: QuoteItem[];
  alongside: { id: number; name: string; articles: number }[];
}
export interface StatementSummary {
  id: number;
  size: number;
  firstPublished: string | null;
  speaker: string | null;
  content: string;
}
export interface PlacePoint {
  name: string;
  country: string | null;
  lat: number;
  lon: number;
  articles: number;
}
export interface EventItem {
  article: string;
  type: string;
  status: string;
  actor: string | null;
  target: string | null;
  place: string | null;
  lat: number | null;
  lon: number | null;
  evidence: string;
  title: string | null;
  published: string | null;
}
export interface ClaimItem {
  article: string;
  kind: string;
  text: string;
  due: string | null;
  quote: string | null;
  person: number | null;
  speaker: string | null;
  title: string | null;
  outlet: string | null;
  published: string | null;
}
export interface DemoStatus {
  available: boolean;
  articles?: number;
  loading?: { read: number; stored: number; present: number; errors: number; done: boolean; failed?: string } | null;
}
export interface Stats {
  counts: Record<string, number>;
  published: { first: string | null; last: string | null };
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

// The token: taken from the address once, then kept for this tab only.
(() => {
  const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!m) return;
  try {
    sessionStorage.setItem('isnad.token', decodeURIComponent(m[1]!));
  } catch {
    // storage refused: storing will ask for the token again
  }
  history.replaceState(history.state, '', location.pathname + location.search);
})();

export function token(): string | null {
  try {
    return sessionStorage.getItem('isnad.token');
  } catch {
    return null;
  }
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(path, init);
  if (!res.ok) {
    let code = 'error';
    let message = `${res.status} ${res.statusText}`;
    try {
      const p = (await res.json()) as { code?: string; detail?: string; title?: string };
      code = p.code ?? code;
      message = p.detail ?? p.title ?? message;
    } catch {
      // not a problem document
    }
    throw new ApiError(res.status, code, message);
  }
  return (await res.json()) as T;
}

/** A query string of the defined, non-empty values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

const post = (body: unknown, auth = false): RequestInit => {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  const t = auth ? token() : null;
  if (t) headers.Authorization = `Bearer ${t}`;
  return { method: 'POST', headers, body: JSON.stringify(body) };
};

export type ArticleInput = { text: string } | { html: string };

export const api = {
  articles: (p: { limit?: number; offset?: number } = {}) => call<Page<ArticleSummary>>(`/api/articles${qs(p)}`),
  article: (id: string) => call<ArticleRecord>(`/api/articles/${encodeURIComponent(id)}`),
  /** The article's people (p1, p2 …) as persons across articles. */
  articlePersons: (id: string) => call<Record<string, number>>(`/api/articles/${encodeURIComponent(id)}/persons`),
  search: (p: Record<string, string | number | undefined>) =>
    call<{ total: number; notes: string[]; hits: SearchHit[] }>(`/api/search${qs(p)}`),
  facets: () => call<Facets>('/api/facets'),
  analyse: (input: ArticleInput) => call<ArticleRecord>('/api/analyze', post(input)),
  ingest: (articles: ArticleInput[]) =>
    call<{ added: number; skipped: number; ids: string[]; errors: { index: number; message: string }[] }>(
      '/api/ingest',
      post({ articles }, true),
    ),
  person: (id: number) => call<PersonDetail>(`/api/people/${id}`),
  people: (p: { q?: string; limit?: number; offset?: number } = {}) =>
    call<Page<{ id: number; name: string; quotes: number; articles: number }>>(`/api/people${qs(p)}`),
  statements: (p: { limit?: number; offset?: number } = {}) =>
    call<Page<StatementSummary>>(`/api/statements${qs(p)}`),
  statement: (id: number) => call<{ id: number; quotes: QuoteItem[] }>(`/api/statements/${id}`),
  places: (p: { from?: string; to?: string } = {}) => call<{ items: PlacePoint[] }>(`/api/places${qs(p)}`),
  events: (p: { from?: string; to?: string; type?: string; located?: string; limit?: number }) =>
    call<Page<EventItem>>(`/api/events${qs(p)}`),
  claims: (p: { when?: string; limit?: number; offset?: number }) => call<Page<ClaimItem>>(`/api/claims${qs(p)}`),
  stats: () => call<Stats>('/api/stats'),
  demo: () => call<DemoStatus>('/api/demo'),
  loadDemo: () => call<DemoStatus>('/api/demo/load', post({}, true)),
};
