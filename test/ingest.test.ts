/**
 * `isnad ingest`, `errors`, `search`, `export` and `reanalyze` as a user runs
 * them: the real command in a child process, on a SQLite file, over inputs
 * of every kind written here (articles from test/support/articles.ts).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { openStore } from '../src/store/open.ts';
import { testArticle, testArticlesJsonl } from './support/articles.ts';
import { jsonLines, runCli } from './support/cli.ts';

function rss(items: number[]): string {
  const item = (k: number) => {
    const a = testArticle(k);
    return `<item><title>${a.title}</title><link>${a.url}</link><pubDate>${new Date(a.published).toUTCString()}</pubDate><description><![CDATA[${a.text}]]></description></item>`;
  };
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Test feed</title>${items.map(item).join('')}</channel></rss>`;
}

function warc(pages: number[]): Buffer {
  const records = pages.map((k) => {
    const a = testArticle(k);
    const html = Buffer.from(
      `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>${a.title}</title></head><body><article><h1>${a.title}</h1>${a.text
        .split('\n')
        .map((p) => `<p>${p}</p>`)
        .join('')}</article></body></html>`,
    );
    const http = Buffer.concat([
      Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n'),
      html,
    ]);
    const head = `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: ${a.url}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${http.length}\r\n\r\n`;
    return Buffer.concat([Buffer.from(head), http, Buffer.from('\r\n\r\n')]);
  });
  return Buffer.concat(records);
}

describe('isnad ingest', () => {
  let dir: string;
  let inputs: string;
  let db: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'isnad-ingest-'));
    inputs = join(dir, 'in');
    mkdirSync(join(inputs, 'feeds'), { recursive: true });
    db = join(dir, 'store.db');
    writeFileSync(join(inputs, 'a.jsonl'), testArticlesJsonl(0, 30));
    writeFileSync(join(inputs, 'b.jsonl.gz'), gzipSync(testArticlesJsonl(30, 50)));
    writeFileSync(join(inputs, 'feeds', 'news.rss'), rss([50, 51, 52]));
    writeFileSync(join(inputs, 'pages.warc'), warc([53, 54]));
    writeFileSync(join(inputs, 'pages2.warc.gz'), gzipSync(warc([55])));
    writeFileSync(join(inputs, 'note.txt'), testArticle(56).text);
    // Bad inputs: each an error, none stops the rest.
    writeFileSync(join(inputs, 'broken.jsonl'), `${JSON.stringify(testArticle(57))}\n{"text": oops\n`);
    writeFileSync(join(inputs, 'broken.jsonl.gz'), Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]));
    writeFileSync(join(inputs, 'empty.txt'), '');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('stores every article of every kind of input once, and records each bad input', async () => {
    const r = await runCli(['ingest', inputs, '--db', db, '--workers', '2', '--json'], {
      timeoutMs: 120_000,
    });
    assert.equal(r.code, 1, 'errors were met');
    const summary = JSON.parse(r.stdout) as { stored: number; present: number; errors: number };
    // 30 + 20 + 3 + 2 + 1 + 1 + the good line of broken.jsonl.
    assert.equal(summary.stored, 58);
    assert.equal(summary.present, 0);
    assert.ok(summary.errors >= 3, r.stdout);
    const errors = jsonLines((await runCli(['errors', '--db', db, '--json'])).stdout);
    const sources = errors.map((e) => String(e.source));
    assert.ok(
      sources.some((s) => s.includes('broken.jsonl:2')),
      JSON.stringify(errors),
    );
    assert.ok(sources.some((s) => s.includes('broken.jsonl.gz')));
    assert.ok(sources.some((s) => s.includes('empty.txt')));
    const store = await openStore(db);
    try {
      const counts = await store.counts();
      assert.equal(counts.articles, 58);
      assert.ok(counts.quotes >= 58);
      const fromFeed = await store.search('', { outlet: 'Test feed' });
      assert.ok(fromFeed.total >= 0);
    } finally {
      await store.close();
    }
  });

  it('adds nothing when the same inputs come again, with any number of workers', async () => {
    for (const workers of ['0', '2']) {
      const r = await runCli(['ingest', inputs, '--db', db, '--workers', workers, '--json'], {
        timeoutMs: 120_000,
      });
      const summary = JSON.parse(r.stdout) as { stored: number; present: number };
      assert.equal(summary.stored, 0);
      assert.equal(summary.present, 58);
    }
  });

  it('stores the same articles whether analysed on worker threads or not', async () => {
    const other = join(dir, 'inline.db');
    await runCli(['ingest', join(inputs, 'a.jsonl'), '--db', other, '--workers', '0']);
    const a = await openStore(db);
    const b = await openStore(other);
    try {
      for (let k = 0; k < 30; k += 7) {
        const url = testArticle(k).url;
        const hitA = (await a.search('مدرسة', { limit: 100 })).hits.find((h) => h.url === url);
        const hitB = (await b.search('مدرسة', { limit: 100 })).hits.find((h) => h.url === url);
        assert.ok(hitA && hitB);
        assert.deepEqual(await a.get(hitA.id), await b.get(hitB.id));
      }
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('searches from the command line, with filters, as text or JSON', async () => {
    const json = await runCli([
      'search',
      'مدرسة',
      '--db',
      db,
      '--place',
      'الموصل',
      '--json',
      '--limit',
      '100',
    ]);
    assert.equal(json.code, 0);
    const result = JSON.parse(json.stdout) as {
      total: number;
      hits: { url: string; snippet: { text: string } }[];
    };
    assert.ok(result.total > 0);
    for (const h of result.hits) assert.match(h.snippet.text, /مدرس/);
    const text = await runCli(['search', '"مؤتمر صحفي"', '--db', db, '--outlet', 'BBC']);
    assert.equal(text.code, 0);
    assert.match(text.stdout, /matching article/);
    assert.match(text.stdout, /\[مؤتمر\] \[صحفي\]/);
  });

  it('exports JSON Lines, CSV of quotations and GeoJSON', async () => {
    const jsonl = await runCli(['export', '--db', db, '--format', 'jsonl']);
    const records = jsonLines(jsonl.stdout);
    assert.equal(records.length, 58);
    assert.ok(records.every((r) => r.schema === 'isnad/article@1'));
    const csv = await runCli(['export', '--db', db, '--format', 'csv']);
    const rows = csv.stdout.trim().split('\r\n');
    const header = rows[0]!.split(',');
    for (const c of ['speaker', 'titles', 'verb', 'content', 'channel', 'outlet', 'published', 'url'])
      assert.ok(header.includes(c), `column ${c} in ${rows[0]}`);
    assert.ok(rows.length > 58);
    const out = join(dir, 'map.geojson');
    await runCli(['export', '--db', db, '--format', 'geojson', '--out', out]);
    const geo = JSON.parse(readFileSync(out, 'utf8')) as {
      type: string;
      features: { geometry: { type: string; coordinates: number[] }; properties: { layer: string } }[];
    };
    assert.equal(geo.type, 'FeatureCollection');
    assert.ok(geo.features.some((f) => f.properties.layer === 'place'));
    for (const f of geo.features) {
      assert.equal(f.geometry.type, 'Point');
      const [lon, lat] = f.geometry.coordinates as [number, number];
      assert.ok(Math.abs(lat) <= 90 && Math.abs(lon) <= 180);
    }
  });

  it('analyses again what an older pipeline made, and only that', async () => {
    const store = await openStore(db);
    const before = await store.counts();
    const found = (await store.search('مدرسة')).total;
    await store.driver.run(
      "UPDATE articles SET pipeline = 'old' WHERE seq IN (SELECT seq FROM articles ORDER BY seq LIMIT 5)",
    );
    await store.close();
    const r = await runCli(['reanalyze', '--db', db]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^5 articles analysed again/);
    const again = await openStore(db);
    try {
      const { postings: _p, segments: _s, ...rows } = await again.counts();
      const { postings: _p0, segments: _s0, ...rowsBefore } = before;
      assert.deepEqual(rows, rowsBefore);
      const old = await again.driver.all<{ n: number }>(
        "SELECT COUNT(*) AS n FROM articles WHERE pipeline = 'old'",
      );
      assert.equal(Number(old[0]!.n), 0);
      assert.equal((await again.search('مدرسة')).total, found, 'every article is found as before');
    } finally {
      await again.close();
    }
  });
});
