/**
 * Feeds and web archives: RSS, Atom and WARC read into articles, and their
 * damaged or hostile forms read as far as they can be, with an error for
 * what cannot. Every file here is made by the test.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { articlesFromFeed } from './feeds.ts';
import { guardedGunzip } from './gzip.ts';
import { articleFromHtmlBytes, type InputItem, readInputs } from './inputs.ts';
import { readWarc, type WarcItem } from './warc.ts';

const dir = mkdtempSync(join(tmpdir(), 'isnad-archives-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const PAGE = (body: string) =>
  `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>خبر</title></head><body><article><p>${body}</p></article></body></html>`;
const SENTENCE = 'قال وزير الخارجية العراقي إن الحكومة ستفتح المعبر الحدودي مع سوريا خلال أسبوعين.';

async function all<T>(gen: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of gen) out.push(x);
  return out;
}

describe('feeds', () => {
  const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>وكالة الأخبار</title>
<item><title>المعبر</title><link>https://example.org/n/1</link><pubDate>Fri, 02 Mar 2018 10:00:00 GMT</pubDate>
<description><![CDATA[<p>${SENTENCE}</p>]]></description></item>
<item><title>فارغ</title><link>https://example.org/n/2</link><description></description></item>
</channel></rss>`;

  it('reads each RSS item as an article with its title, link, date and outlet', () => {
    const items = articlesFromFeed(Buffer.from(rss), 'news.rss');
    assert.equal(items.length, 2);
    const a = items[0]!.article!;
    assert.equal(a.text, SENTENCE);
    assert.equal(a.meta.url, 'https://example.org/n/1');
    assert.equal(a.meta.title, 'المعبر');
    assert.equal(a.meta.outlet, 'وكالة الأخبار');
    assert.equal(a.meta.published, '2018-03-02T10:00:00.000Z');
    assert.equal(
      items[1]!.error?.code,
      'empty-input',
      'an empty item is an error of its own; the rest goes on',
    );
  });

  it('reads Atom entries, content before summary', () => {
    const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>موقع</title>
<entry><title>عنوان</title><link href="https://example.org/e/1"/><updated>2018-04-01T12:00:00Z</updated>
<summary>ملخص قصير</summary><content type="html">&lt;p&gt;${SENTENCE}&lt;/p&gt;</content></entry></feed>`;
    const [item] = articlesFromFeed(Buffer.from(atom), 'site.atom');
    assert.equal(item!.article!.text, SENTENCE);
    assert.equal(item!.article!.meta.url, 'https://example.org/e/1');
  });

  it('does not expand entities a document type declares (billion laughs)', () => {
    const lol = ['<!ENTITY l0 "ha">'];
    for (let k = 1; k <= 9; k++) lol.push(`<!ENTITY l${k} "${`&l${k - 1};`.repeat(10)}">`);
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [${lol.join('')}]><rss version="2.0"><channel><title>t</title>
<item><title>&l9;</title><description>${SENTENCE}</description></item></channel></rss>`;
    const started = performance.now();
    const items = articlesFromFeed(Buffer.from(bomb), 'bomb.rss');
    assert.ok(performance.now() - started < 2000);
    const article = items[0]!.article!;
    assert.ok((article.meta.title ?? '').length < 100, 'the title was not expanded');
    assert.ok(article.diagnostics?.some((d) => d.code === 'feed-doctype-removed'));
  });

  it('cuts a 10 MB title to a line', () => {
    const feed = `<rss version="2.0"><channel><title>t</title><item><title>${'ع'.repeat(10_000_000)}</title><description>${SENTENCE}</description></item></channel></rss>`;
    const [item] = articlesFromFeed(Buffer.from(feed), 'big.rss');
    assert.equal(item!.article!.meta.title!.length, 1000);
    assert.ok(item!.article!.diagnostics?.some((d) => d.code === 'title-cut'));
  });

  it('says what is wrong with a file that is no feed', () => {
    assert.throws(() => articlesFromFeed(Buffer.from('<html><body>x</body></html>'), 'page.xml'), {
      code: 'invalid-feed',
    });
  });
});

/** One WARC record's bytes. */
function record(type: string, fields: Record<string, string>, block: Buffer): Buffer {
  const head = [
    'WARC/1.0',
    `WARC-Type: ${type}`,
    ...Object.entries(fields).map(([k, v]) => `${k}: ${v}`),
    `Content-Length: ${block.length}`,
  ].join('\r\n');
  return Buffer.concat([Buffer.from(`${head}\r\n\r\n`), block, Buffer.from('\r\n\r\n')]);
}
function response(uri: string, body: Buffer, headers: Record<string, string> = {}, status = 200): Buffer {
  const http = Buffer.concat([
    Buffer.from(
      `HTTP/1.1 ${status} OK\r\n${Object.entries({ 'Content-Type': 'text/html; charset=utf-8', ...headers })
        .map(([k, v]) => `${k}: ${v}`)
        .join('\r\n')}\r\n\r\n`,
    ),
    body,
  ]);
  return record(
    'response',
    { 'WARC-Target-URI': uri, 'Content-Type': 'application/http; msgtype=response' },
    http,
  );
}
const readAll = (bytes: Buffer, gzipped = false, maxRecordBytes?: number) =>
  all<WarcItem>(
    readWarc(Readable.from([bytes]), 'test.warc', {
      gzipped,
      toArticle: articleFromHtmlBytes,
      maxRecordBytes,
    }),
  );

describe('WARC', () => {
  const page = Buffer.from(PAGE(SENTENCE));
  const chunked = (b: Buffer) =>
    Buffer.concat([
      Buffer.from(`${(20).toString(16)}\r\n`),
      b.subarray(0, 20),
      Buffer.from(`\r\n${(b.length - 20).toString(16)}\r\n`),
      b.subarray(20),
      Buffer.from('\r\n0\r\n\r\n'),
    ]);
  const archive = Buffer.concat([
    record('warcinfo', {}, Buffer.from('software: test\r\n')),
    record(
      'request',
      { 'WARC-Target-URI': 'https://example.org/p1' },
      Buffer.from('GET /p1 HTTP/1.1\r\n\r\n'),
    ),
    response('https://example.org/p1', page),
    response('https://example.org/logo.png', Buffer.from([0x89, 0x50]), { 'Content-Type': 'image/png' }),
    response('https://example.org/moved', Buffer.from(''), {}, 301),
    response('https://example.org/p2', chunked(gzipSync(page)), {
      'Transfer-Encoding': 'chunked',
      'Content-Encoding': 'gzip',
    }),
  ]);

  it('reads the HTML responses as articles with their URLs, passing over the rest', async () => {
    const items = await readAll(archive);
    assert.deepEqual(
      items.map((i) => (i.kind === 'article' ? i.article.meta.url : i.kind)),
      ['https://example.org/p1', 'https://example.org/p2'],
    );
    for (const i of items) if (i.kind === 'article') assert.equal(i.article.text.trim(), SENTENCE);
  });

  it('reads .warc.gz, one gzip member per record', async () => {
    const gz = Buffer.concat(
      [response('https://example.org/a', page), response('https://example.org/b', page)].map((r) =>
        gzipSync(r),
      ),
    );
    const items = await readAll(gz, true);
    assert.equal(items.filter((i) => i.kind === 'article').length, 2);
  });

  it('reports a truncated record by its offset and keeps what came before', async () => {
    const full = response('https://example.org/last', page);
    const cut = Buffer.concat([
      response('https://example.org/first', page),
      full.subarray(0, full.length - 200),
    ]);
    const items = await readAll(cut);
    assert.equal(items[0]!.kind, 'article');
    assert.equal(items[1]!.kind, 'error');
    assert.match((items[1] as { error: Error }).error.message, /truncated/);
    assert.match((items[1] as { error: Error }).error.message, /offset \d+/);
  });

  it('skips garbage between records and an oversized record, and goes on', async () => {
    const big = response('https://example.org/big', Buffer.from(PAGE('س'.repeat(5000))));
    const bytes = Buffer.concat([
      Buffer.from('this is not a record\r\nnor this\r\n'),
      response('https://example.org/ok1', page),
      big,
      response('https://example.org/ok2', page),
    ]);
    const items = await readAll(bytes, false, 4000);
    assert.deepEqual(
      items.map((i) => (i.kind === 'article' ? i.article.meta.url : i.error.code)),
      ['invalid-warc', 'https://example.org/ok1', 'too-large', 'https://example.org/ok2'],
    );
  });

  it('reads a lying Content-Length as a truncation, not a hang', async () => {
    const lie = Buffer.from('WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999999999\r\n\r\nshort');
    const items = await readAll(lie, false, 2_000_000_000);
    assert.equal(items.length, 1);
    assert.equal(items[0]!.kind, 'error');
  });
});

describe('gzip limits', () => {
  it('stops a gzip bomb with a clear error', async () => {
    const bomb = gzipSync(Buffer.alloc(30 * 1024 * 1024)); // 30 MB of zeros in ~30 KB
    const stream = guardedGunzip(Readable.from([bomb]), 'bomb.jsonl.gz', {
      floorBytes: 1024 * 1024,
      maxRatio: 100,
    });
    await assert.rejects(
      (async () => {
        for await (const _ of stream);
      })(),
      /gzip bomb/,
    );
  });

  it('reads a .jsonl.gz bomb as one error and goes on to the next input', async () => {
    const bomb = join(dir, 'bomb.jsonl.gz');
    // One line of 300 MB of spaces: far over the ratio once past the floor.
    writeFileSync(bomb, gzipSync(Buffer.alloc(300 * 1024 * 1024, 0x20)));
    const good = join(dir, 'good.jsonl');
    writeFileSync(good, `${JSON.stringify({ text: SENTENCE })}\n`);
    const items = await all<InputItem>(readInputs([bomb, good]));
    assert.equal(items[0]!.kind, 'error');
    assert.equal((items[0] as { error: { code: string } }).error.code, 'too-large');
    assert.equal(items.at(-1)!.kind, 'article');
  });
});

describe('folders', () => {
  it('reads every file of a folder, recursively and in order, when asked to', async () => {
    const root = join(dir, 'tree');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(root, 'b'), { recursive: true });
    mkdirSync(join(root, '.hidden'), { recursive: true });
    writeFileSync(join(root, 'a.txt'), SENTENCE);
    writeFileSync(join(root, 'b', 'c.html'), PAGE(SENTENCE));
    writeFileSync(join(root, 'b', 'd.warc'), response('https://example.org/w', Buffer.from(PAGE(SENTENCE))));
    writeFileSync(join(root, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    writeFileSync(join(root, '.hidden', 'x.txt'), SENTENCE);
    const items = await all<InputItem>(readInputs([root], { directories: 'expand' }));
    assert.deepEqual(
      items.map((i) => (i.kind === 'article' ? i.article.meta.format : i.error.code)),
      ['text', 'html', 'warc'],
    );
    const refused = await all<InputItem>(readInputs([root]));
    assert.equal((refused[0] as { error: { code: string } }).error.code, 'is-directory');
  });
});
