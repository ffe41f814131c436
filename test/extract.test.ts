/**
 * `isnad extract` end to end: the founding article, every kind of input, and
 * the bad inputs of issue 2 — all in one call, so one bad file is seen not to
 * stop the others.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { validateRecord } from '../src/record/validate.ts';
import { jsonLines, runCli } from './support/cli.ts';
import { SEED_PATH, skipUnless } from './support/shared.ts';

const schema = JSON.parse(
  readFileSync(new URL('../src/record/article.schema.json', import.meta.url), 'utf8'),
);
const validateSchema = new Ajv2020({ strict: false }).compile(schema);
const arabic =
  'قال النائب إن الحكومة العراقية تعتزم توجيه ضربات جوية جديدة في العمق السوري خلال الفترة المقبلة.';

describe('isnad extract: the founding article', { skip: skipUnless(SEED_PATH) }, () => {
  it('prints one record that validates, with text equal to the file', async () => {
    const r = await runCli(['extract', SEED_PATH]);
    assert.equal(r.code, 0, r.stderr);
    const records = jsonLines(r.stdout);
    assert.equal(records.length, 1);
    const rec = records[0]!;
    assert.ok(validateSchema(rec), JSON.stringify(validateSchema.errors));
    assert.deepEqual(validateRecord(rec), { ok: true, errors: [] });
    assert.equal(rec.text, readFileSync(SEED_PATH, 'utf8'));
    assert.equal((rec.meta as { encoding: string }).encoding, 'utf-8');
  });
});

describe('isnad extract: inputs good and bad in one call', () => {
  let dir = '';
  const files: Record<string, string> = {};
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'isnad-extract-'));
    const put = (name: string, content: string | Uint8Array) => {
      files[name] = join(dir, name);
      writeFileSync(files[name]!, content);
    };
    put('good.txt', arabic);
    put('empty.txt', '');
    put(
      'image.txt',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
    );
    put('huge.txt', `${arabic} `.repeat(Math.ceil((20 * 1024 * 1024) / Buffer.byteLength(`${arabic} `))));
    put(
      'invalid-utf8.txt',
      new Uint8Array([...Buffer.from(arabic), 0xc3, 0x28, 0xff, ...Buffer.from(` ${arabic}`)]),
    );
    put('nul.txt', `${arabic}\u0000${arabic}`);
    put('bidi.txt', `قال \u202eالوزير\u202c إن ${arabic}`);
    put('nobody.html', '<html><head><title>عنوان</title></head></html>');
    put(
      'deep.html',
      `<html><body>${'<div>'.repeat(10_000)}<p>${arabic}</p>${'</div>'.repeat(10_000)}</body></html>`,
    );
    put(
      'script.html',
      `<html><head><script>var s = "نص عربي في سكربت";</script></head><body><article><p>${arabic}</p><script>var t = "سكربت آخر بالعربية";</script></article></body></html>`,
    );
    put(
      'articles.jsonl',
      [
        JSON.stringify({
          id: 'a1',
          text: arabic,
          title: 'عنوان',
          outlet: 'outlet',
          published: '2018-01-02',
          url: 'https://example.com/1',
        }),
        '{not json',
        JSON.stringify({ id: 'a3', title: 'no text' }),
        JSON.stringify({ text: `نص فيه \ud800 منفرد و\u0000 صفر ${arabic}` }),
      ].join('\n'),
    );
    put(
      'invalid-utf8.jsonl',
      new Uint8Array([...Buffer.from(`{"text": "${arabic} `), 0xff, 0xfe, ...Buffer.from(' نص"}\n')]),
    );
    put(
      'articles.jsonl.gz',
      gzipSync(`${JSON.stringify({ text: arabic })}\n${JSON.stringify({ text: `${arabic} ثانية` })}\n`),
    );
    mkdirSync(join(dir, 'folder'));
    files.folder = join(dir, 'folder');
    files.missing = join(dir, 'no-such-file.txt');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('yields a line per input (per JSONL line), in order, errors included, and exits 1', async () => {
    const order = [
      'good.txt',
      'empty.txt',
      'image.txt',
      'missing',
      'folder',
      'huge.txt',
      'invalid-utf8.txt',
      'nul.txt',
      'bidi.txt',
      'nobody.html',
      'deep.html',
      'script.html',
      'articles.jsonl',
      'invalid-utf8.jsonl',
      'articles.jsonl.gz',
    ];
    const r = await runCli(['extract', ...order.map((k) => files[k]!)], { timeoutMs: 120_000 });
    assert.equal(r.code, 1, 'exit status 1 when any input failed');
    const lines = jsonLines(r.stdout);
    const summary = lines.map((l) => (l.error ? `error:${(l.error as { code: string }).code}` : 'record'));
    assert.deepEqual(summary, [
      'record', // good.txt
      'error:empty-input',
      'error:binary-input',
      'error:not-found',
      'error:is-directory',
      'record', // huge.txt
      'record', // invalid-utf8.txt
      'record', // nul.txt
      'record', // bidi.txt
      'error:empty-input', // nobody.html
      'record', // deep.html
      'record', // script.html
      'record', // articles.jsonl:1
      'error:invalid-json',
      'error:invalid-article',
      'record', // articles.jsonl:4
      'record', // invalid-utf8.jsonl:1
      'record', // articles.jsonl.gz:1
      'record',
    ]);
    for (const l of lines) {
      if (l.error) {
        assert.equal(typeof l.source, 'string');
        assert.ok((l.error as { message: string }).message.length > 5);
        continue;
      }
      assert.deepEqual(validateRecord(l), { ok: true, errors: [] });
    }
    const codes = (i: number) => (lines[i]!.diagnostics as { code: string }[]).map((d) => d.code);
    assert.equal((lines[5]!.text as string).length > 10_000_000, true, 'the 20 MB line is read whole');
    assert.ok(codes(6).includes('invalid-bytes'));
    assert.ok(codes(7).includes('control-characters'));
    assert.ok(codes(8).includes('bidi-control'));
    assert.ok(codes(10).includes('html-too-deep'));
    assert.ok(!(lines[11]!.text as string).includes('سكربت'), 'script text is not article text');
    assert.deepEqual(lines[12]!.meta, {
      title: 'عنوان',
      outlet: 'outlet',
      url: 'https://example.com/1',
      published: '2018-01-02',
      format: 'jsonl',
      source: `${files['articles.jsonl']}:1`,
      sourceId: 'a1',
      encoding: 'utf-8',
      language: 'ar',
    });
    assert.ok(codes(15).includes('lone-surrogates') && codes(15).includes('control-characters'));
    assert.ok(codes(16).includes('replacement-characters'), 'invalid bytes in JSONL are reported');
    assert.match(lines[1]!.source as string, /empty\.txt$/);
  });

  it('reads standard input with -', async () => {
    const r = await runCli(['extract', '-'], { stdin: arabic });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(jsonLines(r.stdout)[0]!.text, arabic);
  });

  it('prints a readable text view with --format text', async () => {
    const r = await runCli(['extract', '--format', 'text', files['good.txt']!]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.length > 0);
  });

  it('refuses a file over --max-bytes with a clear error', async () => {
    const r = await runCli(['extract', '--max-bytes', '100', files['good.txt']!]);
    assert.equal(r.code, 1);
    const [line] = jsonLines(r.stdout);
    assert.equal((line!.error as { code: string }).code, 'too-large');
  });
});
