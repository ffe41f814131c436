/**
 * The store's contract, run against both engines: SQLite always, PostgreSQL
 * when the test server is up (ISNAD_TEST_PG; .ci/run starts it). The same
 * articles go into both, and the same searches must give the same answers.
 * Articles are short texts written for these tests.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { freshPgDatabase, skipWithoutPg } from '../../test/support/services.ts';
import { defaultPipeline } from '../analyze/index.ts';
import type { Meta } from '../record/types.ts';
import { type AnalysedArticle, indexEntry } from './index-entry.ts';
import { openStore } from './open.ts';
import type { Store } from './store.ts';

const pipeline = defaultPipeline();
function analysed(text: string, meta: Partial<Meta>): AnalysedArticle {
  const record = pipeline.analyze({ text, meta });
  return { record, pipeline: pipeline.config.version, index: indexEntry(record) };
}

const ARTICLES: AnalysedArticle[] = [
  analysed(
    'قال رئيس الوزراء العراقي حيدر العبادي إن "القوات العراقية ستحرر مدينة الموصل من تنظيم داعش خلال ثلاثة أشهر". وأضاف العبادي أن الحكومة تعمل على إعادة النازحين إلى منازلهم.',
    {
      outlet: 'BBC',
      published: '2018-03-02T10:00:00Z',
      url: 'https://example.org/a1',
      title: 'العبادي يتعهد بتحرير الموصل',
    },
  ),
  analysed(
    'أكد رئيس الوزراء العراقي حيدر العبادي في مؤتمر صحفي في بغداد أن "القوات العراقية ستحرر مدينة الموصل من تنظيم داعش خلال ثلاثة أشهر". وقالت وزارة الخارجية العراقية في بيان إن حكوماتنا تدعم الحوار.',
    {
      outlet: 'CNN',
      published: '2018-03-01T08:00:00Z',
      url: 'https://example.org/a2',
      title: 'مؤتمر صحفي في بغداد',
    },
  ),
  analysed(
    'قال الرئيس الأمريكي ترامب إن بلاده ستفرض عقوبات جديدة على إيران. وشنت طائرات التحالف غارة جوية على مواقع داعش في الرقة، وقال مراقبون إن الغارة أوقعت قتلى.',
    {
      outlet: 'Sky News',
      published: '2018-04-10T12:00:00Z',
      url: 'https://example.org/a3',
      title: 'عقوبات وغارات',
    },
  ),
  analysed(
    'قال الرئيس الأمريكي دونالد ترامب إن الاتفاق النووي مع إيران سيئ. وأضاف ترامب أن الولايات المتحدة لن تقبل بذلك.',
    {
      outlet: 'BBC',
      published: '2018-05-08T18:00:00Z',
      url: 'https://example.org/a4',
      title: 'ترامب والاتفاق النووي',
    },
  ),
  analysed('وقال العبادي إن الانتخابات ستجري في موعدها المحدد دون تأجيل.', {
    outlet: 'France 24',
    published: '2018-04-20T09:00:00Z',
    url: 'https://example.org/a5',
  }),
];

const QUERIES: [string, Record<string, string>?][] = [
  ['الحكومة'],
  ['الموصل'],
  ['"القوات العراقية"'],
  ['حكوم*'],
  ['داعش -الموصل'],
  ['ترامب إيران'],
  ['', { speaker: 'العبادي' }],
  ['', { org: 'داعش' }],
  ['', { place: 'الموصل' }],
  ['', { type: 'ASSAULT' }],
  ['', { outlet: 'bbc' }],
  ['إيران', { from: '2018-05-01' }],
  ["'; DROP TABLE articles; --"],
  ['" OR 1=1 --'],
  ['speaker:"حيدر العبادي" الموصل'],
];

function contract(
  name: string,
  open: () => Promise<{ store: Store; done: () => Promise<void> }>,
  skip: false | string,
) {
  describe(`store contract: ${name}`, { skip }, () => {
    let store: Store;
    let done: () => Promise<void>;
    before(async () => {
      ({ store, done } = await open());
    });
    after(async () => {
      await store.close();
      await done();
    });

    it('stores every article once, whole, and again stores nothing', async () => {
      const first = await store.write(ARTICLES);
      assert.deepEqual(first, { added: 5, replaced: 0, skipped: 0 });
      const again = await store.write([...ARTICLES, ARTICLES[0]!]);
      assert.deepEqual(again, { added: 0, replaced: 0, skipped: 6 });
      const counts = await store.counts();
      assert.equal(counts.articles, 5);
      assert.equal(
        counts.quotes,
        ARTICLES.reduce((n, a) => n + a.record.quotes.length, 0),
      );
      assert.equal(
        counts.entities,
        ARTICLES.reduce((n, a) => n + a.record.entities.length, 0),
      );
      assert.deepEqual(await store.get(ARTICLES[2]!.record.id), ARTICLES[2]!.record);
      assert.deepEqual(
        await store.has(ARTICLES.map((a) => a.record.id).concat('nope')),
        new Set(ARTICLES.map((a) => a.record.id)),
      );
    });

    it('makes one person of a full name across articles, never of a bare surname alone', async () => {
      const rows = await store.driver.all<{ person_id: number; name: string; article_seq: number }>(
        'SELECT person_id, name, article_seq FROM people ORDER BY article_seq, pid',
      );
      const abadi = rows.filter((r) => r.name === 'حيدر العبادي');
      assert.equal(abadi.length, 2);
      assert.equal(Number(abadi[0]!.person_id), Number(abadi[1]!.person_id));
      // «وقال العبادي» with no title: not merged on the surname.
      const bare = rows.find((r) => r.name === 'العبادي');
      assert.ok(bare, 'the bare surname is a person of its article');
      assert.notEqual(Number(bare.person_id), Number(abadi[0]!.person_id));
      // «الرئيس الأمريكي ترامب» shares its title with «الرئيس الأمريكي دونالد ترامب»: one person,
      // whichever article came first.
      const trump = rows.filter((r) => r.name.endsWith('ترامب'));
      assert.equal(trump.length, 2);
      assert.equal(new Set(trump.map((r) => Number(r.person_id))).size, 1);
    });

    it('clusters one statement reported by two outlets, earliest first', async () => {
      const rows = await store.driver.all<{ cluster_id: number | null; published: string; content: string }>(
        'SELECT cluster_id, published, content FROM quotes WHERE content LIKE ? ORDER BY published',
        ['%ستحرر مدينة الموصل%'],
      );
      assert.equal(rows.length, 2);
      assert.ok(rows[0]!.cluster_id !== null);
      assert.equal(Number(rows[0]!.cluster_id), Number(rows[1]!.cluster_id));
      const cluster = await store.driver.all<{ size: number; first_published: string }>(
        'SELECT size, first_published FROM clusters WHERE id = ?',
        [Number(rows[0]!.cluster_id)],
      );
      assert.equal(Number(cluster[0]!.size), 2);
      assert.equal(cluster[0]!.first_published, '2018-03-01T08:00:00Z');
      const others = await store.driver.all<{ n: number }>(
        'SELECT COUNT(*) AS n FROM quotes WHERE cluster_id = ?',
        [Number(rows[0]!.cluster_id)],
      );
      assert.equal(Number(others[0]!.n), 2, 'no other quotation joined that statement');
    });

    it('searches Arabic words in any of their forms, ranked, with highlighted snippets', async () => {
      const r = await store.search('الحكومة');
      // «الحكومة» (a1) and «حكوماتنا» (a2) share the term «حكوم».
      assert.deepEqual(
        new Set(r.hits.map((h) => h.url)),
        new Set(['https://example.org/a1', 'https://example.org/a2']),
      );
      for (const h of r.hits) {
        assert.ok(h.score > 0);
        const record = ARTICLES.find((a) => a.record.id === h.id)!.record;
        assert.equal(record.text.slice(h.snippet.start, h.snippet.end), h.snippet.text);
        assert.ok(h.snippet.highlights.length >= 1);
        for (const hl of h.snippet.highlights) assert.match(record.text.slice(hl.start, hl.end), /حكوم/);
      }
      assert.ok(r.hits[0]!.score >= r.hits[1]!.score);
    });

    it('matches phrases, prefixes and exclusions', async () => {
      const phrase = await store.search('"القوات العراقية"');
      assert.equal(phrase.total, 2);
      const reversed = await store.search('"العراقية القوات"');
      assert.equal(reversed.total, 0, 'a phrase keeps its order');
      const prefix = await store.search('حكوم*');
      assert.ok(prefix.total >= 2);
      const without = await store.search('داعش -الموصل');
      assert.deepEqual(
        without.hits.map((h) => h.url),
        ['https://example.org/a3'],
      );
    });

    it('filters by speaker, organisation, place, event type, outlet and date', async () => {
      const urls = async (q: string, f: Record<string, string>) =>
        new Set((await store.search(q, f)).hits.map((h) => h.url));
      assert.deepEqual(
        await urls('', { speaker: 'حيدر العبادي' }),
        new Set(['https://example.org/a1', 'https://example.org/a2']),
      );
      assert.ok((await urls('', { speaker: 'العبادي' })).has('https://example.org/a5'));
      assert.ok(
        (await urls('', { org: 'تنظيم الدولة الإسلامية' })).has('https://example.org/a1'),
        'by canonical name',
      );
      assert.ok((await urls('', { place: 'الموصل' })).has('https://example.org/a2'));
      assert.ok((await urls('', { place: 'Mosul' })).has('https://example.org/a2'), 'by gazetteer name');
      assert.ok((await urls('', { type: 'assault' })).has('https://example.org/a3'));
      assert.deepEqual(
        await urls('', { outlet: 'bbc' }),
        new Set(['https://example.org/a1', 'https://example.org/a4']),
      );
      assert.deepEqual(await urls('إيران', { from: '2018-05-01' }), new Set(['https://example.org/a4']));
      assert.deepEqual(await urls('إيران', { to: '2018-04-10' }), new Set(['https://example.org/a3']));
      // Filter-only results are newest first.
      const bbc = await store.search('', { outlet: 'BBC' });
      assert.deepEqual(
        bbc.hits.map((h) => h.url),
        ['https://example.org/a4', 'https://example.org/a1'],
      );
    });

    it('takes hostile queries as words: no error, nothing changed', async () => {
      for (const q of [
        "'; DROP TABLE articles; --",
        '" OR 1=1 --',
        '\u202e\u0000%_*',
        'x'.repeat(5000),
        '*',
        '-',
      ]) {
        const r = await store.search(q, { speaker: "' OR '1'='1", outlet: '%' });
        assert.equal(r.total, 0);
      }
      assert.equal((await store.counts()).articles, 5);
    });

    it('records an error once however often it recurs', async () => {
      const e = { source: 'feed.xml', code: 'invalid-feed', message: 'not XML' };
      await store.recordErrors([e]);
      await store.recordErrors([e, e]);
      const errors = await store.errors();
      assert.equal(errors.length, 1);
      assert.equal(errors[0]!.code, 'invalid-feed');
    });

    it('replaces an article analysed again, keeping one copy', async () => {
      const a = ARTICLES[4]!;
      const before = await store.counts();
      const redone = { ...a, pipeline: 'next-version' };
      assert.deepEqual(await store.write([redone], { replace: true }), { added: 0, replaced: 1, skipped: 0 });
      // The same rows; the index holds the old postings too (dead, until a merge drops them).
      const { postings: p0, segments: s0, ...rowsBefore } = before;
      const { postings: p1, segments: s1, ...rowsNow } = await store.counts();
      assert.deepEqual(rowsNow, rowsBefore);
      assert.ok(p1 > p0 && s1 === s0 + 1);
      assert.equal(await store.staleCount(a.pipeline), 1);
      assert.equal((await store.search('الانتخابات')).total, 1);
    });

    it('rolls a failed batch back whole', async () => {
      const good = analysed('قال وزير الخارجية الأردني أيمن الصفدي إن الحدود ستفتح قريبا.', {
        outlet: 'BBC',
      });
      const broken = {
        ...good,
        record: { ...good.record, id: 'broken', quotes: null },
      } as unknown as AnalysedArticle;
      const before = await store.counts();
      await assert.rejects(store.write([good, broken]));
      assert.deepEqual(await store.counts(), before);
      // The ids the failed batch made for new words are gone with it: the good article alone
      // is stored and found by them.
      assert.equal((await store.write([good])).added, 1);
      assert.equal((await store.search('الصفدي')).total, 1);
      assert.equal((await store.search('', { speaker: 'أيمن الصفدي' })).total, 1);
    });

    it('merges index segments as writes add them, answering as one fresh segment would', async () => {
      // Eight more writes of one article each: the first level fills and merges.
      for (let i = 1; i <= 8; i++) {
        const written = await store.write([
          analysed(`وقال المتحدث باسم البلدية رقم ${i} إن مشروع الجسر سيكتمل خلال ${i + 2} أشهر.`, {
            outlet: 'Sky News',
            published: `2018-06-0${i}T10:00:00Z`,
          }),
        ]);
        assert.equal(written.added, 1);
      }
      const merged = await store.counts();
      const levels = await store.driver.all<{ level: number; n: number }>(
        'SELECT level, COUNT(*) AS n FROM segments WHERE retired IS NULL GROUP BY level ORDER BY level',
      );
      assert.ok(
        levels.some((l) => Number(l.level) > 0),
        `a merged segment exists: ${JSON.stringify(levels)}`,
      );
      assert.ok(
        levels.every((l) => Number(l.n) < 8),
        'no level is left full',
      );
      // The same articles written at once into a fresh store: the same answers, and (the
      // replaced article's old postings dropped by the merge) the same postings.
      const { store: fresh, done: drop } = await open();
      try {
        const all: AnalysedArticle[] = [];
        for await (const record of store.records())
          all.push({ record, pipeline: pipeline.config.version, index: indexEntry(record) });
        await fresh.write(all);
        assert.equal((await fresh.counts()).postings, merged.postings);
        for (const [q, f] of [...QUERIES, ['الجسر'], ['"مشروع الجسر"'], ['بلدي*']] as typeof QUERIES) {
          const a = await store.search(q, { ...f, limit: 100 });
          const b = await fresh.search(q, { ...f, limit: 100 });
          assert.equal(a.total, b.total, `total of ${q}`);
          assert.deepEqual(
            a.hits.map((h) => [h.id, h.score.toFixed(9)]),
            b.hits.map((h) => [h.id, h.score.toFixed(9)]),
            `hits of ${q}`,
          );
        }
        assert.equal((await store.search('الجسر')).total, 8);
      } finally {
        await fresh.close();
        await drop();
      }
    });
  });
}

contract(
  'SQLite',
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'isnad-store-'));
    const store = await openStore(join(dir, 'test.db'));
    return { store, done: async () => rmSync(dir, { recursive: true, force: true }) };
  },
  false,
);

contract(
  'PostgreSQL',
  async () => {
    const db = await freshPgDatabase();
    const store = await openStore(db.url);
    return { store, done: db.drop };
  },
  skipWithoutPg,
);

describe('store contract: both engines answer alike', { skip: skipWithoutPg }, () => {
  it('gives the same hits, in the same order, with the same scores', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'isnad-store-'));
    const db = await freshPgDatabase();
    const lite = await openStore(join(dir, 'same.db'));
    const pg = await openStore(db.url);
    try {
      // Different insertion orders: the engines' internal numbers differ, the answers must not.
      await lite.write(ARTICLES);
      await pg.write([...ARTICLES].reverse());
      for (const [q, f] of QUERIES) {
        const a = await lite.search(q, f);
        const b = await pg.search(q, f);
        assert.equal(a.total, b.total, `total of ${q} ${JSON.stringify(f ?? {})}`);
        assert.deepEqual(
          a.hits.map((h) => [h.id, h.score, h.snippet]),
          b.hits.map((h) => [h.id, h.score, h.snippet]),
          `hits of ${q} ${JSON.stringify(f ?? {})}`,
        );
      }
    } finally {
      await lite.close();
      await pg.close();
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('recordText', () => {
  it('reads the text of a stored record, escapes and all, without parsing the rest', async () => {
    const { recordText } = await import('./store.ts');
    for (const text of ['قال "الوزير" إن \\ الوضع\nهادئ\u202e', '', '"', '\\"', '\u0000\ud83d\ude00']) {
      const json = JSON.stringify({
        schema: 'isnad/article@1',
        id: '0123456789abcdef',
        text,
        meta: { text: 'x' },
      });
      assert.equal(recordText(json), text);
    }
    // Another shape: parsed whole.
    assert.equal(recordText(JSON.stringify({ meta: { title: 'x'.repeat(300) }, text: 'نص' })), 'نص');
  });
});
