/**
 * The HTTP API's contract, run against both engines (SQLite always,
 * PostgreSQL when the test server is up): the same router, real stores, a
 * real analysis thread; requests go through Hono's fetch handler, and one
 * suite goes through a real server on a loopback port.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { AnalysisPool } from '../src/ingest/analysis.ts';
import { createApp } from '../src/server/app.ts';
import { DemoLoader } from '../src/server/demo.ts';
import { startServer } from '../src/server/serve.ts';
import { openStore } from '../src/store/open.ts';
import type { Store } from '../src/store/store.ts';
import { testArticlesJsonl } from './support/articles.ts';
import { freshPgDatabase, skipWithoutPg } from './support/services.ts';

const TOKEN = 'test-token-0123456789abcdef';
const TODAY = '2018-04-15';

/** Short articles written for these tests: one statement told by two outlets, a prediction, an event. */
const ARTICLES = [
  {
    text: 'قال رئيس الوزراء العراقي حيدر العبادي إن "القوات العراقية ستحرر مدينة الموصل من تنظيم داعش خلال شهرين". وشنت طائرات التحالف غارة جوية على مواقع داعش في الموصل أمس.',
    outlet: 'BBC',
    published: '2018-03-02T10:00:00Z',
    url: 'https://example.org/api/1',
    title: 'العبادي: تحرير الموصل خلال شهرين',
  },
  {
    text: 'أكد رئيس الوزراء العراقي حيدر العبادي في مؤتمر صحفي في بغداد أن "القوات العراقية ستحرر مدينة الموصل من تنظيم داعش خلال شهرين". وقال وزير الخارجية السوري وليد المعلم إن دمشق تدعم الحوار.',
    outlet: 'CNN',
    published: '2018-03-01T08:00:00Z',
    url: 'https://example.org/api/2',
    title: 'مؤتمر صحفي في بغداد',
  },
  {
    text: 'قال وزير الخارجية السوري وليد المعلم إن "الحكومة السورية ستعقد مؤتمرا للحوار في دمشق خلال أسبوعين". وتظاهر مئات الطلاب في حلب للمطالبة بتحسين الخدمات.',
    outlet: 'Sky News',
    published: '2018-04-10T12:00:00Z',
    url: 'https://example.org/api/3',
    title: 'المعلم يعلن مؤتمرا للحوار',
  },
];

const INJECTIONS = ["'; DROP TABLE articles; --", '" OR 1=1 --', "%' OR '1'='1", '\\', '%_%'];

interface Ctx {
  app: OpenAPIHono;
  store: Store;
}

async function req(ctx: Ctx, path: string, init: RequestInit = {}): Promise<Response> {
  return ctx.app.request(path, init);
}
async function json<T = Record<string, unknown>>(ctx: Ctx, path: string, init: RequestInit = {}) {
  const res = await req(ctx, path, init);
  return { res, body: (await res.json()) as T };
}
const post = (body: unknown, token?: string): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
  body: JSON.stringify(body),
});

function contract(
  name: string,
  open: () => Promise<{ store: Store; done: () => Promise<void> }>,
  skip: false | string,
) {
  describe(`API contract: ${name}`, { skip }, () => {
    const ctx = {} as Ctx;
    let pool: AnalysisPool;
    let done: () => Promise<void>;
    let ids: string[] = [];
    before(async () => {
      ({ store: ctx.store, done } = await open());
      pool = new AnalysisPool(1);
      ctx.app = createApp({
        store: ctx.store,
        pool,
        token: TOKEN,
        today: () => TODAY,
        limits: { analyseBurst: 5, analysePerMinute: 1, analyseBytes: 64 * 1024 },
      });
    });
    after(async () => {
      await pool.close();
      await ctx.store.close();
      await done();
    });

    it('refuses ingest without the token or with a wrong one, and stores nothing', async () => {
      const none = await json(ctx, '/api/ingest', post({ articles: ARTICLES }));
      assert.equal(none.res.status, 401);
      assert.equal(none.res.headers.get('content-type'), 'application/problem+json');
      assert.equal(none.body.code, 'unauthorized');
      const wrong = await json(ctx, '/api/ingest', post({ articles: ARTICLES }, `${TOKEN}x`));
      assert.equal(wrong.res.status, 403);
      assert.equal(wrong.body.code, 'forbidden');
      assert.equal((await ctx.store.counts()).articles, 0);
    });

    it('ingests with the token, once: the same articles again add nothing', async () => {
      const first = await json<{ added: number; skipped: number; ids: string[] }>(
        ctx,
        '/api/ingest',
        post({ articles: ARTICLES }, TOKEN),
      );
      assert.equal(first.res.status, 200);
      assert.equal(first.body.added, 3);
      ids = first.body.ids;
      const again = await json<{ added: number; skipped: number }>(
        ctx,
        '/api/ingest',
        post({ articles: ARTICLES }, TOKEN),
      );
      assert.deepEqual([again.body.added, again.body.skipped], [0, 3]);
      const bad = await json<{ added: number; errors: { index: number; code: string }[] }>(
        ctx,
        '/api/ingest',
        post({ articles: [{ text: '   ' }] }, TOKEN),
      );
      assert.equal(bad.res.status, 200);
      assert.equal(bad.body.added, 0);
      assert.equal(bad.body.errors[0]?.code, 'empty-input');
    });

    it('analyses without storing, validates the body, limits its size', async () => {
      const { res, body } = await json<{ id: string; quotes: unknown[]; people: { name: string }[] }>(
        ctx,
        '/api/analyze',
        post({ text: 'وقال وزير الخارجية العراقي فؤاد حسين إن "العلاقات مع سوريا جيدة".' }),
      );
      assert.equal(res.status, 200);
      assert.equal(body.quotes.length, 1);
      assert.equal(body.people[0]?.name, 'فؤاد حسين');
      assert.equal((await ctx.store.counts()).articles, 3, 'not stored');
      const invalid = await json<{ code: string; errors: unknown[] }>(
        ctx,
        '/api/analyze',
        post({ txt: 'x' }),
      );
      assert.equal(invalid.res.status, 400);
      assert.equal(invalid.body.code, 'invalid-request');
      assert.ok(invalid.body.errors.length);
      const broken = await json<{ code: string }>(ctx, '/api/analyze', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"text": "',
      });
      assert.equal(broken.res.status, 400);
      const big = await json<{ code: string }>(ctx, '/api/analyze', post({ text: 'ا'.repeat(70_000) }));
      assert.equal(big.res.status, 413);
      assert.equal(big.body.code, 'payload-too-large');
    });

    it('limits analyse per client, saying when to come back', async () => {
      let limited: Response | null = null;
      for (let i = 0; i < 10 && !limited; i++) {
        const res = await req(ctx, '/api/analyze', post({ text: 'قال المتحدث إن الوضع هادئ.' }));
        if (res.status === 429) limited = res;
        else await res.arrayBuffer();
      }
      assert.ok(limited, 'the burst of 5 is used up within 10 requests');
      assert.ok(Number(limited.headers.get('retry-after')) >= 1);
      assert.equal(((await limited.json()) as { code: string }).code, 'rate-limited');
    });

    it('lists articles newest first, in pages, with ETags', async () => {
      const { res, body } = await json<{ total: number; items: { id: string; published: string }[] }>(
        ctx,
        '/api/articles?limit=2',
      );
      assert.equal(body.total, 3);
      assert.deepEqual(
        body.items.map((a) => a.published),
        ['2018-04-10T12:00:00Z', '2018-03-02T10:00:00Z'],
      );
      const tag = res.headers.get('etag');
      assert.ok(tag);
      const again = await req(ctx, '/api/articles?limit=2', { headers: { 'If-None-Match': tag } });
      assert.equal(again.status, 304);
      const next = await json<{ items: unknown[]; offset: number }>(ctx, '/api/articles?limit=2&offset=2');
      assert.equal(next.body.items.length, 1);
      const bad = await json<{ code: string }>(ctx, '/api/articles?limit=100000');
      assert.equal(bad.res.status, 400);
    });

    it('gives a record by id, a problem for an unknown or malformed one', async () => {
      const { res, body } = await json<{ id: string; text: string }>(ctx, `/api/articles/${ids[0]}`);
      assert.equal(res.status, 200);
      assert.equal(body.text, ARTICLES[0]!.text);
      const missing = await json<{ code: string }>(ctx, '/api/articles/0123456789abcdef');
      assert.equal(missing.res.status, 404);
      assert.equal(missing.body.code, 'not-found');
      const malformed = await json<{ code: string }>(ctx, '/api/articles/..%2F..%2Fetc%2Fpasswd');
      assert.equal(malformed.res.status, 400);
    });

    it('searches in any word form, with facets as filters', async () => {
      const words = await json<{ total: number; hits: { id: string; snippet: { highlights: unknown[] } }[] }>(
        ctx,
        `/api/search?q=${encodeURIComponent('والموصل')}`,
      );
      assert.equal(words.body.total, 2);
      assert.ok(words.body.hits[0]!.snippet.highlights.length > 0);
      const facet = await json<{ total: number; hits: { id: string }[] }>(
        ctx,
        `/api/search?q=${encodeURIComponent('الموصل')}&outlet=CNN`,
      );
      assert.deepEqual(
        facet.body.hits.map((h) => h.id),
        [ids[1]],
      );
      const facets = await json<{ outlets: { value: string }[]; places: { value: string }[] }>(
        ctx,
        '/api/facets',
      );
      assert.deepEqual(facets.body.outlets.map((o) => o.value).sort(), ['BBC', 'CNN', 'Sky News']);
    });

    it('follows a person across articles: titles, every quotation oldest first, who is quoted alongside', async () => {
      const list = await json<{ items: { id: number; name: string; quotes: number }[] }>(ctx, '/api/people');
      const abadi = list.body.items.find((p) => p.name === 'حيدر العبادي');
      assert.ok(abadi);
      assert.equal(abadi.quotes, 2);
      const one = await json<{
        titles: { text: string; articles: number }[];
        quotes: { outlet: string; published: string }[];
        alongside: { name: string }[];
      }>(ctx, `/api/people/${abadi.id}`);
      assert.equal(one.res.status, 200);
      assert.ok(one.body.titles.some((t) => t.text.includes('رئيس الوزراء') && t.articles === 2));
      assert.deepEqual(
        one.body.quotes.map((q) => q.outlet),
        ['CNN', 'BBC'],
      );
      assert.ok(one.body.alongside.some((p) => p.name === 'وليد المعلم'));
      const search = await json<{ items: { name: string }[] }>(
        ctx,
        `/api/people?q=${encodeURIComponent('المعلم')}`,
      );
      assert.deepEqual(
        search.body.items.map((p) => p.name),
        ['وليد المعلم'],
      );
      assert.equal((await req(ctx, '/api/people/999999')).status, 404);
    });

    it('finds quotations by their words and speaker', async () => {
      const byWords = await json<{ total: number; items: { speaker: string; article: string }[] }>(
        ctx,
        `/api/quotes?q=${encodeURIComponent('مؤتمرا للحوار')}`,
      );
      assert.equal(byWords.body.total, 1);
      assert.equal(byWords.body.items[0]!.speaker, 'وليد المعلم');
      const bySpeaker = await json<{ total: number }>(
        ctx,
        `/api/quotes?speaker=${encodeURIComponent('العبادي')}`,
      );
      assert.equal(bySpeaker.body.total, 2);
    });

    it('gives one statement as each outlet told it, earliest first', async () => {
      const list = await json<{ items: { id: number; size: number }[] }>(ctx, '/api/statements');
      const chain = list.body.items.find((s) => s.size === 2);
      assert.ok(chain, 'the statement both outlets report');
      const one = await json<{ quotes: { outlet: string; published: string }[] }>(
        ctx,
        `/api/statements/${chain.id}`,
      );
      assert.deepEqual(
        one.body.quotes.map((q) => q.outlet),
        ['CNN', 'BBC'],
      );
    });

    it('gives places and events, also as GeoJSON', async () => {
      const places = await json<{ items: { name: string; lat: number }[] }>(ctx, '/api/places');
      assert.ok(places.body.items.length >= 3);
      const geo = await json<{ type: string; features: { geometry: { coordinates: number[] } }[] }>(
        ctx,
        '/api/places?format=geojson',
      );
      assert.equal(geo.body.type, 'FeatureCollection');
      assert.equal(geo.body.features.length, places.body.items.length);
      const events = await json<{ total: number; items: { type: string }[] }>(
        ctx,
        '/api/events?type=ASSAULT',
      );
      assert.ok(events.body.total >= 1);
      assert.ok(events.body.items.every((e) => e.type === 'ASSAULT'));
      const geoEvents = await json<{ features: unknown[] }>(ctx, '/api/events?format=geojson');
      assert.ok(Array.isArray(geoEvents.body.features));
    });

    it('lists predictions by due date: overdue and due soon', async () => {
      const all = await json<{ items: { due: string; speaker: string }[] }>(ctx, '/api/claims?when=all');
      const dues = all.body.items.map((c) => c.due);
      assert.deepEqual(dues, [...dues].sort(), 'by due date');
      assert.ok(dues.includes('2018-04-30'), 'two months after 1 March');
      assert.ok(dues.includes('2018-04-24'), 'two weeks after 10 April');
      const overdue = await json<{ items: { due: string }[] }>(ctx, '/api/claims?when=overdue');
      assert.ok(overdue.body.items.every((c) => c.due < TODAY));
      const soon = await json<{ items: { due: string }[] }>(ctx, '/api/claims?when=soon&soonDays=10');
      assert.deepEqual(
        soon.body.items.map((c) => c.due),
        ['2018-04-24'],
      );
    });

    it('takes SQL in every parameter as plain values', async () => {
      const before = await ctx.store.counts();
      for (const bad of INJECTIONS) {
        const v = encodeURIComponent(bad);
        for (const path of [
          `/api/search?q=${v}&speaker=${v}&org=${v}&place=${v}&type=${v}&outlet=${v}`,
          `/api/articles?outlet=${v}`,
          `/api/people?q=${v}`,
          `/api/quotes?q=${v}&speaker=${v}&outlet=${v}`,
        ]) {
          const res = await req(ctx, path);
          assert.equal(res.status, 200, path);
          await res.arrayBuffer();
        }
        for (const path of [
          `/api/events?type=${v}`,
          `/api/articles/${v}`,
          `/api/people/${v}`,
          `/api/claims?today=${v}`,
        ]) {
          const res = await req(ctx, path);
          assert.equal(res.status, 400, path);
          await res.arrayBuffer();
        }
      }
      const people = await json<{ total: number }>(ctx, `/api/people?q=${encodeURIComponent('%')}`);
      assert.equal(people.body.total, 0, 'a % is a character, not a wildcard');
      assert.deepEqual(await ctx.store.counts(), before);
    });

    it('describes itself in OpenAPI, and sets security headers', async () => {
      const { res, body } = await json<{ openapi: string; paths: Record<string, unknown> }>(
        ctx,
        '/openapi.json',
      );
      assert.equal(body.openapi, '3.1.0');
      for (const p of [
        '/api/articles',
        '/api/articles/{id}',
        '/api/search',
        '/api/analyze',
        '/api/ingest',
        '/api/people',
        '/api/people/{id}',
        '/api/quotes',
        '/api/statements/{id}',
        '/api/places',
        '/api/events',
        '/api/claims',
        '/api/stats',
      ]) {
        assert.ok(body.paths[p], p);
      }
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /script-src 'self'/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('x-frame-options'), 'DENY');
      assert.equal(res.headers.get('access-control-allow-origin'), null, 'no CORS');
      const stats = await json<{ counts: { articles: number } }>(ctx, '/api/stats');
      assert.equal(stats.body.counts.articles, 3);
    });
  });
}

contract(
  'SQLite',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'isnad-api-'));
    return {
      store: await openStore(join(dir, 'api.db')),
      done: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
  false,
);

contract(
  'PostgreSQL',
  async () => {
    const db = await freshPgDatabase();
    return { store: await openStore(db.url), done: db.drop };
  },
  skipWithoutPg,
);

describe('the demo slice', () => {
  it('is offered when present, loads with the token, and reports its progress from the start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'isnad-demo-'));
    const slice = join(dir, 'slice.jsonl');
    writeFileSync(slice, testArticlesJsonl(0, 12));
    const store = await openStore(join(dir, 'demo.db'));
    const pool = new AnalysisPool(1);
    const demo = new DemoLoader(store, slice);
    const app = createApp({ store, pool, token: TOKEN, demo });
    try {
      const offer = (await (await app.request('/api/demo')).json()) as {
        available: boolean;
        articles: number;
      };
      assert.deepEqual([offer.available, offer.articles], [true, 12]);
      assert.equal((await app.request('/api/demo/load', { method: 'POST' })).status, 401);
      const started = await app.request('/api/demo/load', post({}, TOKEN));
      assert.equal(started.status, 202);
      const body = (await started.json()) as { loading: { done: boolean } | null };
      assert.ok(body.loading, 'progress from the start');
      await demo.settled();
      const after = (await (await app.request('/api/demo')).json()) as {
        loading: { stored: number; done: boolean };
      };
      assert.deepEqual([after.loading.stored, after.loading.done], [12, true]);
      assert.equal((await store.counts()).articles, 12);
    } finally {
      await pool.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('isnad serve over HTTP', () => {
  it('cuts off a client that sends its headers too slowly, and one that never ends its body', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'isnad-slow-'));
    const store = await openStore(join(dir, 'slow.db'));
    const server = await startServer({
      store,
      port: 0,
      demo: false,
      assetsDir: join(dir, 'no-ui'),
      headersTimeoutMs: 1000,
      requestTimeoutMs: 1500,
    });
    try {
      const { port } = server;
      const slow = async (send: string) => {
        const t = performance.now();
        const socket = connect(port, '127.0.0.1');
        await once(socket, 'connect');
        socket.write(send);
        let answer = '';
        socket.on('data', (d: Buffer) => {
          answer += d.toString();
        });
        await Promise.race([once(socket, 'close'), new Promise((r) => setTimeout(r, 8000))]);
        socket.destroy();
        return { ms: performance.now() - t, answer };
      };
      // Headers begun, never finished (slowloris).
      const headers = await slow('GET /api/stats HTTP/1.1\r\nHost: x\r\nX-Slow: ');
      assert.ok(headers.ms < 5000, `closed after ${headers.ms.toFixed(0)} ms`);
      assert.match(headers.answer, /^$|408/);
      // A body announced and never sent.
      const body = await slow(
        'POST /api/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"te',
      );
      assert.ok(body.ms < 5000, `closed after ${body.ms.toFixed(0)} ms`);
      // The server still answers others.
      assert.equal((await fetch(`${server.url}/api/stats`)).status, 200);
    } finally {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('binds to loopback, has no ingest without a token, serves no file outside the UI', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'isnad-serve-'));
    const store = await openStore(join(dir, 'serve.db'));
    const server = await startServer({ store, port: 0, demo: false, assetsDir: join(dir, 'no-ui') });
    try {
      assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const ingest = await fetch(
        `${server.url}/api/ingest`,
        post({ text: 'قال المتحدث إن الوضع هادئ.' }, 'x'),
      );
      assert.equal(ingest.status, 403);
      assert.equal(((await ingest.json()) as { code: string }).code, 'ingest-disabled');
      for (const path of [
        '/../../etc/passwd',
        '/%2e%2e/%2e%2e/etc/passwd',
        '/assets/..%2f..%2fpackage.json',
      ]) {
        const res = await fetch(`${server.url}${path}`);
        const text = await res.text();
        assert.equal(res.status, 404, path);
        assert.doesNotMatch(text, /root:|"name": "isnad"/);
      }
    } finally {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
