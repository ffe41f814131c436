/**
 * Hostile inputs not covered beside their readers (gzip bombs, entity
 * expansion, lying WARC lengths and 10 MB feed titles are tested in
 * src/ingest/archives.test.ts; NUL bytes, invalid UTF-8, bidi controls and a
 * 20 MB line through `isnad extract` in test/extract.test.ts): HTML nested
 * 100,000 deep, a 50 MB line in the middle of a JSON Lines file, and a bidi
 * override inside a speaker's name.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { defaultPipeline } from '../src/analyze/index.ts';
import { htmlToArticle } from '../src/ingest/html.ts';
import { articleFromJson } from '../src/ingest/inputs.ts';
import { openStore } from '../src/store/open.ts';
import { testArticle } from './support/articles.ts';
import { runCli } from './support/cli.ts';

describe('hostile inputs', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'isnad-hostile-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reads HTML nested 100,000 deep in linear time, and says it was too deep for Readability', () => {
    const deep = `<html><body>${'<div>'.repeat(100_000)}<p>قال الوزير إن الوضع هادئ.</p>${'</div>'.repeat(100_000)}</body></html>`;
    const t = performance.now();
    const page = htmlToArticle(deep);
    const ms = performance.now() - t;
    assert.ok(ms < 5000, `${ms.toFixed(0)} ms`);
    assert.match(page.text, /قال الوزير إن الوضع هادئ/);
    assert.ok(page.diagnostics.some((d) => d.code === 'html-too-deep'));
  });

  it('refuses a 50 MB line of a JSON Lines file with a clear error, and stores the lines around it', async () => {
    const file = join(dir, 'with-huge-line.jsonl');
    const huge = JSON.stringify({ text: 'قال الوزير إن الوضع هادئ. '.repeat(Math.ceil(50_000_000 / 26)) });
    writeFileSync(file, `${JSON.stringify(testArticle(1))}\n${huge}\n${JSON.stringify(testArticle(2))}\n`);
    const db = join(dir, 'huge.db');
    const r = await runCli(
      ['ingest', file, '--db', db, '--workers', '0', '--max-bytes', String(16 * 1024 * 1024), '--json'],
      {
        timeoutMs: 120_000,
      },
    );
    assert.equal(r.code, 1, 'exit 1: an article failed');
    const summary = JSON.parse(r.stdout) as { stored: number; errors: number };
    assert.deepEqual([summary.stored, summary.errors], [2, 1]);
    const errors = await runCli(['errors', '--db', db, '--json']);
    const [e] = errors.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { code: string; source: string; message: string });
    assert.equal(e?.code, 'too-large');
    assert.match(e!.source, /with-huge-line\.jsonl:2$/);
  });

  it('keeps a bidi override in a name as evidence, says so, and stores it unchanged', async () => {
    const text = 'قال المتحدث باسم الحكومة \u202eأحمد الجبوري\u202c إن "الوضع في بغداد هادئ".';
    const record = defaultPipeline().analyze(articleFromJson({ text }, 'test'));
    assert.equal(record.text, text, 'the text is never edited');
    assert.ok(record.diagnostics.some((d) => d.code === 'bidi-control'));
    for (const p of record.people)
      for (const m of p.mentions) assert.equal(text.slice(m.start, m.end), m.text);
    const file = join(dir, 'bidi.jsonl');
    writeFileSync(file, `${JSON.stringify({ text })}\n`);
    const db = join(dir, 'bidi.db');
    assert.equal((await runCli(['ingest', file, '--db', db, '--workers', '0'])).code, 0);
    const store = await openStore(db);
    try {
      const [stored] = await store.driver.all<{ id: string }>('SELECT id FROM articles');
      assert.equal((await store.get(stored!.id))?.text, text);
    } finally {
      await store.close();
    }
  });
});
