/**
 * Fuzzing with fast-check where input comes from outside: the search query
 * language (parsed and run against a real store), feeds, WARC archives
 * (whole, cut short and with bytes flipped), and each analysis component
 * alone (a pipeline of it and what it needs). Each input must finish within
 * a time bound, raise nothing but the project's own input errors, and give
 * spans that slice to their text.
 *
 * The number of runs is FUZZ_RUNS (default 200 here); `npm run fuzz` runs
 * 20,000 of each and prints how many ran.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { COMPONENTS, createPipeline, defaultPipeline } from '../src/analyze/index.ts';
import { IsnadError } from '../src/errors.ts';
import { articlesFromFeed } from '../src/ingest/feeds.ts';
import { articleFromHtmlBytes } from '../src/ingest/inputs.ts';
import { readWarc } from '../src/ingest/warc.ts';
import { validateRecord } from '../src/record/validate.ts';
import { MAX_CLAUSES, parseQuery } from '../src/search/query.ts';
import { indexEntry } from '../src/store/index-entry.ts';
import { openStore } from '../src/store/open.ts';
import type { Store } from '../src/store/store.ts';

const RUNS = Number(process.env.FUZZ_RUNS) || 200;
/** No single input may take longer than this (a hang or a quadratic blow-up fails the run). */
const BOUND_MS = Number(process.env.FUZZ_BOUND_MS) || 2000;
const ran: Record<string, number> = {};

function bounded<T>(name: string, fn: () => T): T {
  const t = performance.now();
  ran[name] = (ran[name] ?? 0) + 1;
  const out = fn();
  const ms = performance.now() - t;
  assert.ok(ms < BOUND_MS, `${name}: one input took ${ms.toFixed(0)} ms`);
  return out;
}
async function boundedAsync<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const t = performance.now();
  ran[name] = (ran[name] ?? 0) + 1;
  const out = await fn();
  const ms = performance.now() - t;
  assert.ok(ms < BOUND_MS, `${name}: one input took ${ms.toFixed(0)} ms`);
  return out;
}

const pieces = fc.constantFrom(
  ...'قال الوزير إن «الحكومة» "العراقية" ستعقد مؤتمرا في بغداد خلال شهرين وأضاف الجبوري أن داعش هاجم الموصل أمس ، . : * - " speaker: org: place: type: outlet: ASSAULT \u202e \u0000 \ud800 😀 OR AND ( ) \' ; -- %'.split(
    ' ',
  ),
  ' ',
  '\n',
);
const words = fc.array(pieces, { maxLength: 40 }).map((a) => a.join(' '));
const anyText = fc.oneof(
  words,
  fc.string({ unit: 'grapheme', maxLength: 120 }),
  fc.string({ unit: 'binary', maxLength: 120 }),
);

/** A component and, before it in the default order, the components that provide what it requires. */
function withWhatItNeeds(name: string): string[] {
  const needed = new Set<string>([name]);
  const wanted = new Set(COMPONENTS.find((c) => c.name === name)!.requires);
  for (const c of [...COMPONENTS].reverse()) {
    if (c.provides.some((p) => wanted.has(p))) {
      needed.add(c.name);
      for (const r of c.requires) wanted.add(r);
    }
  }
  return COMPONENTS.filter((c) => needed.has(c.name)).map((c) => c.name);
}

/** Only the project's own input errors may escape a reader. */
function onlyInputErrors(err: unknown): void {
  assert.ok(err instanceof IsnadError, `only IsnadError may escape, got ${String(err)}`);
}

describe(`fuzz (${RUNS} runs each)`, () => {
  let dir: string;
  let store: Store;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'isnad-fuzz-'));
    store = await openStore(join(dir, 'fuzz.db'));
    const pipeline = defaultPipeline();
    const records = [
      'قال رئيس الوزراء العراقي حيدر العبادي إن "القوات العراقية ستحرر الموصل خلال شهرين".',
      'وشنت طائرات التحالف غارة جوية على مواقع داعش في الرقة أمس، وقال مراقبون إن الغارة أوقعت قتلى.',
      'أكد وزير الخارجية السوري وليد المعلم أن دمشق تدعم الحوار مع بغداد.',
    ].map((text, i) => pipeline.analyze({ text, meta: { outlet: `O${i}`, published: `2018-0${i + 1}-01` } }));
    await store.write(
      records.map((record) => ({ record, pipeline: pipeline.config.version, index: indexEntry(record) })),
    );
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    if (process.env.FUZZ_REPORT) console.log(`fuzz: ${JSON.stringify(ran)}`);
  });

  it('the search query language: any string parses, bounded, and searches without an error', async () => {
    const filters = fc.record(
      {
        speaker: anyText,
        org: anyText,
        place: anyText,
        type: anyText,
        outlet: anyText,
        from: fc.oneof(anyText, fc.constant('2018-01-01')),
        to: fc.oneof(anyText, fc.constant('2018-12-31')),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        anyText,
        filters,
        fc.nat({ max: 200 }),
        fc.nat({ max: 1000 }),
        async (q, f, limit, offset) => {
          const parsed = bounded('query-parse', () => parseQuery(q, f));
          assert.ok(parsed.clauses.length + parsed.excluded.length <= MAX_CLAUSES);
          const result = await boundedAsync('query-search', () => store.search(q, { ...f, limit, offset }));
          assert.ok(result.hits.length <= Math.min(100, limit));
          for (const h of result.hits) {
            for (const hl of h.snippet.highlights)
              assert.ok(hl.start >= h.snippet.start && hl.end <= h.snippet.end);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('feeds: any document, well-formed or not, gives articles or input errors', () => {
    const item = fc
      .tuple(anyText, anyText, fc.constantFrom('', '<![CDATA[', ']]>', '&amp;', '&lol;', '<b>', '</item>'))
      .map(
        ([t, d, x]) =>
          `<item><title>${t}${x}</title><link>https://e.org/${t.length}</link><description>${d}</description></item>`,
      );
    const feed = fc.oneof(
      fc
        .array(item, { maxLength: 5 })
        .map(
          (items) => `<?xml version="1.0"?><rss><channel><title>T</title>${items.join('')}</channel></rss>`,
        ),
      fc.array(item, { maxLength: 5 }).map((items) => `<rss><channel>${items.join('')}`),
      fc
        .string({ maxLength: 50 })
        .map(
          (s) =>
            `<!DOCTYPE r [<!ENTITY a "${s}"><!ENTITY b "&a;&a;&a;">]><rss><channel><item><title>&b;</title></item></channel></rss>`,
        ),
      anyText.map(
        (s) =>
          `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>${s}</title><content>${s}</content></entry>`,
      ),
      anyText,
    );
    fc.assert(
      fc.property(feed, (xml) => {
        let results: ReturnType<typeof articlesFromFeed> = [];
        try {
          results = bounded('feed', () => articlesFromFeed(Buffer.from(xml), 'fuzz.xml'));
        } catch (err) {
          onlyInputErrors(err);
        }
        for (const r of results) {
          if (r.error) onlyInputErrors(r.error);
          else assert.equal(typeof r.article?.text, 'string');
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('WARC: archives cut short, with bytes flipped or made up, give articles or input errors and end', async () => {
    const page = (s: string) => Buffer.from(`<html><body><p>${s}</p></body></html>`);
    const record = (body: Buffer) => {
      const http = Buffer.concat([Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n'), body]);
      return Buffer.concat([
        Buffer.from(
          `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://e.org/x\r\nContent-Length: ${http.length}\r\n\r\n`,
        ),
        http,
        Buffer.from('\r\n\r\n'),
      ]);
    };
    const archive = fc
      .array(words, { minLength: 1, maxLength: 4 })
      .map((texts) => Buffer.concat(texts.map((t) => record(page(t)))));
    const mangled = fc.oneof(
      archive,
      fc
        .tuple(archive, fc.double({ min: 0, max: 1, noNaN: true }))
        .map(([b, f]) => b.subarray(0, Math.floor(b.length * f))),
      fc
        .tuple(archive, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }))
        .map(([b, flips]) => {
          const out = Buffer.from(b);
          for (const [at, v] of flips) if (out.length) out[at % out.length] = v;
          return out;
        }),
      fc
        .uint8Array({ maxLength: 400 })
        .map((u) => Buffer.concat([Buffer.from('WARC/1.0\r\n'), Buffer.from(u)])),
    );
    await fc.assert(
      fc.asyncProperty(mangled, async (bytes) => {
        await boundedAsync('warc', async () => {
          for await (const item of readWarc(Readable.from([bytes]), 'fuzz.warc', {
            gzipped: false,
            toArticle: articleFromHtmlBytes,
          })) {
            if (item.kind === 'error') onlyInputErrors(item.error);
            else assert.equal(typeof item.article.text, 'string');
          }
        });
      }),
      { numRuns: RUNS },
    );
  });

  for (const component of COMPONENTS) {
    it(`component ${component.name} (with what it needs): never throws, spans slice to their text`, () => {
      const pipeline = createPipeline(withWhatItNeeds(component.name));
      fc.assert(
        fc.property(anyText, (text) => {
          const record = bounded(`component:${component.name}`, () => pipeline.analyze({ text, meta: {} }));
          const v = validateRecord(record);
          assert.ok(v.ok, v.errors.join('; '));
        }),
        { numRuns: Math.max(20, Math.floor(RUNS / 4)) },
      );
    });
  }
});
