/**
 * The API's request and response shapes, once: zod validates requests with
 * them, the handlers are typed by them, and /openapi.json is made of them.
 */
import { z } from '@hono/zod-openapi';

export const Text = z.string().max(1000);
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'an ISO 8601 date (YYYY-MM-DD) or date-time');
export const ArticleId = z.string().regex(/^[0-9a-f]{16}$/, 'an article id: 16 hex digits');
export const NumericId = z.coerce
  .number()
  .int()
  .min(1)
  .max(2 ** 31 - 1);

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export const TimeQuery = z.object({ from: IsoDate.optional(), to: IsoDate.optional() });

export const SearchQuery = PageQuery.extend(TimeQuery.shape).extend({
  q: Text.optional(),
  speaker: Text.optional(),
  org: Text.optional(),
  place: Text.optional(),
  type: Text.optional(),
  outlet: Text.optional(),
});

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().openapi({ description: 'stable: invalid-request, not-found, unauthorized, …' }),
    detail: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

export const problemResponse = {
  content: { 'application/problem+json': { schema: Problem } },
  description: 'A problem (RFC 9457)',
};

export function json<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

export function Page<T extends z.ZodType>(item: T) {
  return z.object({
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    items: z.array(item),
  });
}
export type PageOf<T extends z.ZodType> = {
  total: number;
  limit: number;
  offset: number;
  items: z.infer<T>[];
};

const nullableText = z.string().nullable();

export const ArticleSummary = z
  .object({
    id: z.string(),
    title: nullableText,
    outlet: nullableText,
    published: nullableText,
    url: nullableText,
    quotes: z.number().int(),
  })
  .openapi('ArticleSummary');

const Offsets = z.object({ start: z.number().int(), end: z.number().int() });

export const SearchHit = z
  .object({
    id: z.string(),
    title: nullableText,
    outlet: nullableText,
    published: nullableText,
    url: nullableText,
    score: z.number(),
    snippet: Offsets.extend({ text: z.string(), highlights: z.array(Offsets) }),
  })
  .openapi('SearchHit');

export const SearchResult = z.object({
  total: z.number().int(),
  notes: z.array(z.string()).openapi({ description: 'what of the query was cut, dropped or not understood' }),
  hits: z.array(SearchHit),
});

const FacetValues = z.array(z.object({ value: z.string(), count: z.number().int() }));
export const Facets = z.object({
  outlets: FacetValues,
  types: FacetValues,
  organisations: FacetValues,
  places: FacetValues,
  speakers: FacetValues,
});

/** One article as the API takes it: its text or its page's HTML, and what is known of it. */
const ArticleFields = z.object({
  text: z.string().optional(),
  html: z.string().optional(),
  title: z.string().max(10_000).optional(),
  outlet: z.string().max(10_000).optional(),
  url: z.string().max(10_000).optional(),
  published: z.string().max(100).optional(),
});
const oneOfTextOrHtml = (a: { text?: string | undefined; html?: string | undefined }) =>
  (a.text === undefined) !== (a.html === undefined);

export const ArticleInput = ArticleFields.refine(oneOfTextOrHtml, {
  message: 'give the article as "text" or as "html" (one of them)',
}).openapi('ArticleInput');

export const IngestInput = ArticleFields.extend({ articles: z.array(ArticleInput).min(1).optional() }).refine(
  (b) => (b.articles !== undefined ? b.text === undefined && b.html === undefined : oneOfTextOrHtml(b)),
  { message: 'give "articles" (a list), or one article as "text" or "html"' },
);

export const IngestResult = z.object({
  added: z.number().int(),
  skipped: z.number().int().openapi({ description: 'already stored (the same text and URL)' }),
  ids: z.array(z.string()),
  errors: z.array(z.object({ index: z.number().int(), code: z.string(), message: z.string() })),
});

export const PersonSummary = z
  .object({
    id: z.number().int(),
    name: z.string(),
    wikidata: nullableText,
    quotes: z.number().int(),
    articles: z.number().int(),
  })
  .openapi('PersonSummary');

export const QuoteItem = z
  .object({
    article: z.string(),
    quote: z.string(),
    kind: z.string(),
    content: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    verb: nullableText,
    channel: nullableText,
    person: z.number().int().nullable(),
    speaker: nullableText,
    titles: z.array(z.string()),
    statement: z.number().int().nullable(),
    title: nullableText,
    outlet: nullableText,
    published: nullableText,
    url: nullableText,
  })
  .openapi('Quote');

const EvidenceSpan = z.object({
  text: z.string(),
  first: nullableText,
  last: nullableText,
  articles: z.number().int(),
});

export const PersonDetail = z
  .object({
    id: z.number().int(),
    name: z.string(),
    wikidata: nullableText,
    group: z.boolean(),
    titles: z.array(EvidenceSpan),
    affiliations: z.array(EvidenceSpan),
    quotes: z.array(QuoteItem),
    alongside: z.array(z.object({ id: z.number().int(), name: z.string(), articles: z.number().int() })),
  })
  .openapi('Person');

export const StatementSummary = z.object({
  id: z.number().int(),
  size: z.number().int(),
  firstPublished: nullableText,
  person: z.number().int().nullable(),
  speaker: nullableText,
  content: z.string(),
});

export const Statement = z.object({ id: z.number().int(), quotes: z.array(QuoteItem) });

export const PlacePoint = z.object({
  name: z.string(),
  country: nullableText,
  kind: nullableText,
  lat: z.number(),
  lon: z.number(),
  geonames: z.number().int().nullable(),
  articles: z.number().int(),
  mentions: z.number().int(),
});
export const PlacesResult = z.object({ items: z.array(PlacePoint) });

export const EventItem = z
  .object({
    article: z.string(),
    type: z.string(),
    mode: nullableText,
    status: z.string(),
    actor: nullableText,
    target: nullableText,
    place: nullableText,
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    date: nullableText,
    evidence: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    title: nullableText,
    published: nullableText,
  })
  .openapi('Event');

export const ClaimItem = z
  .object({
    article: z.string(),
    kind: z.string(),
    text: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    due: nullableText,
    quote: nullableText,
    person: z.number().int().nullable(),
    speaker: nullableText,
    title: nullableText,
    outlet: nullableText,
    published: nullableText,
  })
  .openapi('Claim');

export const Stats = z.object({
  counts: z.record(z.string(), z.number().int()),
  published: z.object({ first: nullableText, last: nullableText }),
  events: z.array(z.object({ type: z.string(), count: z.number().int() })),
});

export const DemoStatus = z.object({
  available: z.boolean(),
  articles: z.number().int().optional(),
  loading: z
    .object({
      read: z.number().int(),
      stored: z.number().int(),
      present: z.number().int(),
      errors: z.number().int(),
      done: z.boolean(),
      failed: z.string().optional(),
    })
    .nullable()
    .optional(),
});
