/**
 * The HTTP API: one zod schema per request and response gives validation,
 * the handlers' types and /openapi.json. Reads go through Browse (the store
 * as a reader browses it) and Store.search; analysis runs on a worker thread
 * (AnalysisPool), so a long article never stalls other requests.
 *
 * What a client can rely on: pages (limit, offset, total), ETags on every
 * GET (304 when unchanged), errors as problem details with a stable `code`,
 * a body limit on every POST, a rate limit on analyse, and ingest only with
 * the configured bearer token (there is no default: without one, ingest is
 * off). Security headers are set here, for the API and the UI alike.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { etag } from 'hono/etag';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { IsnadError } from '../errors.ts';
import type { AnalysisPool, AnalysisResult, SourcedArticle } from '../ingest/analysis.ts';
import { storeResults } from '../ingest/analysis.ts';
import { articleFromHtmlBytes, articleFromJson } from '../ingest/inputs.ts';
import { ArticleRecord } from '../record/schema.ts';
import { Browse } from '../store/browse.ts';
import type { Store } from '../store/store.ts';
import type { DemoLoader } from './demo.ts';
import { problem, problemOf, problemResponse } from './problems.ts';
import { RateLimiter } from './rate-limit.ts';
import * as S from './schemas.ts';
import { SearchCache } from './search-cache.ts';
import type { Assets } from './static.ts';

export interface AppOptions {
  readonly store: Store;
  /** Analyses articles off the event loop. */
  readonly pool: AnalysisPool;
  /** The bearer token ingest requires; without one, ingest answers 403 ingest-disabled. */
  readonly token?: string;
  /** The built web UI; without it only the API is served. */
  readonly assets?: Assets;
  /** Offers the corpus's Iraq–Syria slice when it is there. */
  readonly demo?: DemoLoader;
  readonly limits?: Partial<Limits>;
  /** Keep search results while the store is unchanged (default true). */
  readonly searchCache?: boolean;
  /** Today, for claims' due dates (tests pin it). */
  readonly today?: () => string;
  /** The client's address (for the rate limit), from the connection. */
  readonly clientOf?: (c: Context) => string;
}

export interface Limits {
  /** Bytes of an analyse request. */
  readonly analyseBytes: number;
  /** Bytes of an ingest request. */
  readonly ingestBytes: number;
  /** Articles in one ingest request. */
  readonly ingestArticles: number;
  /** Analyse requests a minute per client, after a burst. */
  readonly analysePerMinute: number;
  readonly analyseBurst: number;
}

export const DEFAULT_LIMITS: Limits = {
  analyseBytes: 2 * 1024 * 1024,
  ingestBytes: 16 * 1024 * 1024,
  ingestArticles: 500,
  analysePerMinute: 60,
  analyseBurst: 20,
};

/**
 * The UI's policy: scripts, styles, images and data from this server only
 * (no inline script, no eval); nothing may frame it.
 */
const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Whether `given` is the token, in time that does not depend on where they differ. */
export function tokenMatches(given: string, token: string): boolean {
  return timingSafeEqual(digest(given), digest(token));
}

const today = () => new Date().toISOString().slice(0, 10);

export function createApp(options: AppOptions): OpenAPIHono {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const browse = new Browse(options.store);
  const store = options.store;
  const searches = options.searchCache === false ? store : new SearchCache(store);
  const limiter = new RateLimiter(limits.analysePerMinute, limits.analyseBurst);
  const clientOf = options.clientOf ?? (() => 'local');
  const now = options.today ?? today;

  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (result.success) return;
      return problemResponse(
        c,
        problem('invalid-request', 400, 'some fields of the request are not valid', {
          errors: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
        }),
      );
    },
  });

  app.use(
    '*',
    secureHeaders({ contentSecurityPolicy: CSP, xFrameOptions: 'DENY', referrerPolicy: 'no-referrer' }),
  );
  app.use('/api/*', etag({ weak: true }));
  app.use(
    '/api/analyze',
    bodyLimit({ maxSize: limits.analyseBytes, onError: tooLarge(limits.analyseBytes) }),
  );
  app.use('/api/ingest', bodyLimit({ maxSize: limits.ingestBytes, onError: tooLarge(limits.ingestBytes) }));
  app.use('/api/demo/load', bodyLimit({ maxSize: 1024, onError: tooLarge(1024) }));

  app.onError((err, c) => {
    if (err instanceof IsnadError) return problemResponse(c, problem('invalid-request', 400, err.message));
    // Hono's own refusals (a body that is not JSON, …) keep their status.
    if (err instanceof HTTPException && err.status < 500) {
      return problemResponse(c, problem('invalid-request', err.status, err.message));
    }
    // Malformed JSON bodies are the client's.
    if (err instanceof SyntaxError)
      return problemResponse(c, problem('invalid-request', 400, 'the body is not valid JSON'));
    process.emitWarning(`isnad serve: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return problemResponse(c, problem('internal-error', 500));
  });
  app.notFound((c) => {
    if (
      !c.req.path.startsWith('/api/') &&
      c.req.path !== '/api' &&
      options.assets &&
      c.req.method === 'GET'
    ) {
      const asset = options.assets.resolve(c.req.path);
      if (asset) {
        if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304, { ETag: asset.etag });
        return c.body(asset.body as Uint8Array<ArrayBuffer>, 200, {
          'Content-Type': asset.type,
          ETag: asset.etag,
          'Cache-Control': asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        });
      }
    }
    return problemResponse(c, problem('not-found', 404, `nothing at ${c.req.method} ${c.req.path}`));
  });

  const auth = (c: Context): Response | null => {
    if (!options.token) {
      return problemResponse(
        c,
        problem(
          'ingest-disabled',
          403,
          'the server has no ingest token configured (isnad serve --token-file)',
        ),
      );
    }
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) {
      return problemResponse(c, problem('unauthorized', 401, 'send Authorization: Bearer <token>'), {
        'WWW-Authenticate': 'Bearer realm="isnad"',
      });
    }
    if (!tokenMatches(m[1]!, options.token)) return problemResponse(c, problem('forbidden', 403));
    return null;
  };

  // ── articles and search ──────────────────────────────────────────────────

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/articles',
      summary: 'Stored articles, newest first',
      request: { query: S.PageQuery.extend(S.TimeQuery.shape).extend({ outlet: S.Text.optional() }) },
      responses: { 200: S.json(S.Page(S.ArticleSummary), 'A page of articles') },
    }),
    async (c) =>
      c.json((await browse.articles(c.req.valid('query'))) as S.PageOf<typeof S.ArticleSummary>, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/articles/{id}',
      summary: 'One article record (../shared/spec/OUTPUT.md)',
      request: { params: z.object({ id: S.ArticleId }) },
      responses: { 200: S.json(ArticleRecord, 'The record'), 404: S.problemResponse },
    }),
    async (c) => {
      const record = await store.get(c.req.valid('param').id);
      if (!record) return notFound(c, 'article');
      return c.json(record, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/articles/{id}/persons',
      summary: "The article's people (p1, p2 …) as persons across articles (ids of /api/people/{id})",
      request: { params: z.object({ id: S.ArticleId }) },
      responses: {
        200: S.json(z.record(z.string(), z.number().int()), 'pid → person id'),
        404: S.problemResponse,
      },
    }),
    async (c) => {
      const persons = await browse.articlePersons(c.req.valid('param').id);
      if (!persons) return notFound(c, 'article');
      return c.json(persons, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/search',
      summary: 'Arabic-aware search (words in any form, "phrases", prefix*, -exclusions) with filters',
      request: { query: S.SearchQuery },
      responses: { 200: S.json(S.SearchResult, 'Hits ranked by BM25, with snippets') },
    }),
    async (c) => {
      const { q, limit, offset, ...filters } = c.req.valid('query');
      const result = await searches.search(q ?? '', { ...filters, limit: limit ?? 20, offset: offset ?? 0 });
      return c.json(
        { total: result.total, notes: [...result.query.notes], hits: result.hits } as z.infer<
          typeof S.SearchResult
        >,
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/facets',
      summary: 'The most frequent values of each search filter',
      request: { query: z.object({ top: z.coerce.number().int().min(1).max(200).optional() }) },
      responses: { 200: S.json(S.Facets, 'Values with their article counts') },
    }),
    async (c) =>
      c.json((await facetsCached(c.req.valid('query').top ?? 30)) as z.infer<typeof S.Facets>, 200),
  );
  // Facets aggregate whole tables: kept for a minute (they change slowly).
  const facetCache = new Map<number, { at: number; value: Promise<unknown> }>();
  const facetsCached = (top: number) => {
    const hit = facetCache.get(top);
    if (hit && performance.now() - hit.at < 60_000) return hit.value;
    const value = browse.facets(top);
    facetCache.set(top, { at: performance.now(), value });
    value.catch(() => facetCache.delete(top));
    return value;
  };

  // ── analyse and ingest ───────────────────────────────────────────────────

  const toArticle = (body: z.infer<typeof S.ArticleInput>, source: string): SourcedArticle => {
    if (body.html !== undefined) {
      const article = articleFromHtmlBytes(Buffer.from(body.html, 'utf8'), source);
      const meta = { ...article.meta };
      for (const k of ['title', 'outlet', 'url', 'published'] as const) if (body[k]) meta[k] = body[k];
      return { article: { ...article, meta }, source };
    }
    const article = articleFromJson(body, source);
    return { article: { ...article, meta: { ...article.meta, format: 'text' } }, source };
  };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/analyze',
      summary: 'Analyse one article (text or HTML) and return its record, without storing it',
      request: { body: { content: { 'application/json': { schema: S.ArticleInput } }, required: true } },
      responses: {
        200: S.json(ArticleRecord, 'The record'),
        400: S.problemResponse,
        413: S.problemResponse,
        429: S.problemResponse,
      },
    }),
    async (c) => {
      const wait = limiter.take(clientOf(c));
      if (wait > 0) {
        return problemResponse(c, problem('rate-limited', 429, `try again in ${wait} s`), {
          'Retry-After': String(wait),
        }) as never;
      }
      const [result] = await options.pool.run([toArticle(c.req.valid('json'), 'api')]);
      if (!result || 'error' in result) {
        return problemResponse(c, problem('analysis-failed', 422, result?.error.message)) as never;
      }
      return c.body(result.ok.json, 200, { 'Content-Type': 'application/json' }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/ingest',
      summary: 'Analyse and store articles (needs the bearer token)',
      security: [{ bearer: [] }],
      request: { body: { content: { 'application/json': { schema: S.IngestInput } }, required: true } },
      responses: {
        200: S.json(S.IngestResult, 'What was stored'),
        400: S.problemResponse,
        401: S.problemResponse,
        403: S.problemResponse,
        413: S.problemResponse,
      },
    }),
    async (c) => {
      const denied = auth(c);
      if (denied) return denied as never;
      const body = c.req.valid('json');
      const inputs = body.articles ?? [body as z.infer<typeof S.ArticleInput>];
      if (inputs.length > limits.ingestArticles) {
        return problemResponse(
          c,
          problem('payload-too-large', 413, `at most ${limits.ingestArticles} articles a request`),
        ) as never;
      }
      const articles: SourcedArticle[] = [];
      const rejected: { index: number; code: string; message: string }[] = [];
      inputs.forEach((input, index) => {
        try {
          articles.push(toArticle(input, `api#${index}`));
        } catch (err) {
          const e = err instanceof IsnadError ? err : new IsnadError('invalid-article', String(err));
          rejected.push({ index, code: e.code, message: e.message });
        }
      });
      const results: AnalysisResult[] = articles.length ? await options.pool.run(articles) : [];
      const outcome = await storeResults(store, results);
      const ids = results.flatMap((r) => ('ok' in r ? [(JSON.parse(r.ok.json) as { id: string }).id] : []));
      return c.json(
        {
          added: outcome.added,
          skipped: outcome.skipped,
          ids,
          errors: [
            ...rejected,
            ...outcome.errors.map((e) => ({
              index: Number(e.source.split('#')[1] ?? -1),
              code: e.code,
              message: e.message,
            })),
          ],
        },
        200,
      );
    },
  );

  // ── people, quotations, statements ───────────────────────────────────────

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/people',
      summary: 'People across articles, the most quoted first',
      request: { query: S.PageQuery.extend({ q: S.Text.optional() }) },
      responses: { 200: S.json(S.Page(S.PersonSummary), 'A page of people') },
    }),
    async (c) => c.json((await browse.people(c.req.valid('query'))) as S.PageOf<typeof S.PersonSummary>, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/people/{id}',
      summary: 'One person: titles and affiliations over time, every quotation, people quoted alongside',
      request: { params: z.object({ id: S.NumericId }) },
      responses: { 200: S.json(S.PersonDetail, 'The person'), 404: S.problemResponse },
    }),
    async (c) => {
      const person = await browse.person(c.req.valid('param').id);
      if (!person) return notFound(c, 'person');
      return c.json(person as z.infer<typeof S.PersonDetail>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/quotes',
      summary: 'Quotations, newest first: their words (q), speaker, outlet, kind, time',
      request: {
        query: S.PageQuery.extend(S.TimeQuery.shape).extend({
          q: S.Text.optional(),
          speaker: S.Text.optional(),
          outlet: S.Text.optional(),
          kind: z.enum(['direct', 'indirect', 'mixed']).optional(),
        }),
      },
      responses: { 200: S.json(S.Page(S.QuoteItem), 'A page of quotations') },
    }),
    async (c) => c.json((await browse.quotes(c.req.valid('query'))) as S.PageOf<typeof S.QuoteItem>, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/statements',
      summary: 'Statements reported by more than one article, the most reported first',
      request: { query: S.PageQuery },
      responses: { 200: S.json(S.Page(S.StatementSummary), 'A page of statements') },
    }),
    async (c) =>
      c.json((await browse.statements(c.req.valid('query'))) as S.PageOf<typeof S.StatementSummary>, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/statements/{id}',
      summary: 'One statement as each article reported it, earliest first (the chain of transmission)',
      request: { params: z.object({ id: S.NumericId }) },
      responses: { 200: S.json(S.Statement, 'The statement'), 404: S.problemResponse },
    }),
    async (c) => {
      const s = await browse.statement(c.req.valid('param').id);
      if (!s) return notFound(c, 'statement');
      return c.json(s as z.infer<typeof S.Statement>, 200);
    },
  );

  // ── places, events, claims, stats ────────────────────────────────────────

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/places',
      summary: 'Places named in the articles, with coordinates (JSON or GeoJSON)',
      request: {
        query: S.TimeQuery.extend({
          limit: z.coerce.number().int().min(1).max(5000).optional(),
          format: z.enum(['json', 'geojson']).optional(),
        }),
      },
      responses: { 200: S.json(S.PlacesResult, 'Places, or a GeoJSON FeatureCollection') },
    }),
    async (c) => {
      const { format, ...q } = c.req.valid('query');
      const places = await browse.places(q);
      if (format === 'geojson') {
        return geojson(
          c,
          places.map((p) => ({ lon: p.lon, lat: p.lat, properties: { ...p } })),
        );
      }
      return c.json({ items: places } as z.infer<typeof S.PlacesResult>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/events',
      summary: 'Events coded to PLOVER, newest first (JSON or GeoJSON of those with a place)',
      request: {
        query: S.PageQuery.extend(S.TimeQuery.shape).extend({
          type: z
            .string()
            .regex(/^[A-Za-z_]{1,40}$/)
            .optional(),
          status: z.enum(['happened', 'ongoing', 'planned', 'predicted', 'claimed', 'denied']).optional(),
          located: z.enum(['true', 'false']).optional(),
          format: z.enum(['json', 'geojson']).optional(),
        }),
      },
      responses: { 200: S.json(S.Page(S.EventItem), 'A page of events, or a GeoJSON FeatureCollection') },
    }),
    async (c) => {
      const { format, located, ...q } = c.req.valid('query');
      const page = await browse.events({ ...q, located: located === 'true' || format === 'geojson' });
      if (format === 'geojson') {
        return geojson(
          c,
          page.items.map((e) => ({ lon: e.lon ?? 0, lat: e.lat ?? 0, properties: { ...e } })),
          { total: page.total, limit: page.limit, offset: page.offset },
        );
      }
      return c.json(page as S.PageOf<typeof S.EventItem>, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/claims',
      summary: 'Claims worth checking; predictions by due date (overdue, due soon, later)',
      request: {
        query: S.PageQuery.extend({
          when: z.enum(['overdue', 'soon', 'later', 'all']).optional(),
          kind: z.enum(['prediction', 'statistic', 'accusation', 'promise', 'other']).optional(),
          today: S.IsoDate.optional(),
          soonDays: z.coerce.number().int().min(1).max(3650).optional(),
        }),
      },
      responses: { 200: S.json(S.Page(S.ClaimItem), 'A page of claims') },
    }),
    async (c) => {
      const q = c.req.valid('query');
      return c.json(
        (await browse.claims({ ...q, today: q.today ?? now() })) as S.PageOf<typeof S.ClaimItem>,
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/stats',
      summary: 'What the store holds',
      responses: { 200: S.json(S.Stats, 'Counts, the publication range, events by type') },
    }),
    async (c) => c.json((await browse.stats()) as z.infer<typeof S.Stats>, 200),
  );

  // ── the demo slice ───────────────────────────────────────────────────────

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/demo',
      summary: "Whether the corpus's Iraq–Syria slice can be loaded, and how its loading goes",
      responses: { 200: S.json(S.DemoStatus, 'The offer and progress') },
    }),
    async (c) =>
      c.json((options.demo?.status() ?? { available: false }) as z.infer<typeof S.DemoStatus>, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/demo/load',
      summary: "Load the corpus's Iraq–Syria slice into the store (needs the bearer token)",
      security: [{ bearer: [] }],
      responses: {
        202: S.json(S.DemoStatus, 'Loading started (or already running)'),
        401: S.problemResponse,
        403: S.problemResponse,
        404: S.problemResponse,
      },
    }),
    async (c) => {
      const denied = auth(c);
      if (denied) return denied as never;
      if (!options.demo?.status().available) {
        return problemResponse(c, problem('unavailable', 404, 'the corpus is not on this machine')) as never;
      }
      options.demo.start();
      return c.json(options.demo.status() as z.infer<typeof S.DemoStatus>, 202);
    },
  );

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'isnad',
      version: '1',
      description: 'Who said what, through whom, about whom, where and when — in Arabic news.',
    },
  });
  app.get('/api', (c) => c.redirect('/openapi.json'));
  return app;
}

/** 404 for an id that names nothing. */
function notFound(c: Context, what: string): never {
  return problemResponse(c, problem('not-found', 404, `no ${what} has this id`)) as never;
}

/** A GeoJSON response. */
function geojson(
  c: Context,
  points: Parameters<typeof featureCollection>[0],
  extra: Record<string, unknown> = {},
): never {
  return c.json(featureCollection(points, extra), 200, { 'Content-Type': 'application/geo+json' }) as never;
}

function tooLarge(max: number) {
  return () => problemOf(problem('payload-too-large', 413, `the body is over ${max} bytes`));
}

function featureCollection(
  points: readonly { lon: number; lat: number; properties: Record<string, unknown> }[],
  extra: Record<string, unknown> = {},
) {
  return {
    type: 'FeatureCollection',
    ...extra,
    features: points.map((p) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: p.properties,
    })),
  };
}
