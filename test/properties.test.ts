/**
 * Properties over arbitrary input: reading and analysing never throws an
 * unexpected error, and every span of every record slices to its text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { defaultPipeline } from '../src/analyze/index.ts';
import { IsnadError } from '../src/errors.ts';
import { htmlToArticle } from '../src/ingest/html.ts';
import { articleFromJson, articleFromTextBytes } from '../src/ingest/inputs.ts';
import { validateRecord } from '../src/record/validate.ts';
import { decodeBytes } from '../src/text/decode.ts';

const arabicish = fc.constantFrom(
  ...'قال الوزيرُ إن «الحكومة» “تعتزم” "نعم" ‹لا› „ج“ ، ؛ ؟ . ! … د. ص.ب ٢٠١٨ 1,500 f16 F-16 #وسم http://a.b \n\n \u202e\u200f\ufeff\u0000 ﻻ ـ'.split(
    ' ',
  ),
  ' ',
  '\n',
  '\ud800',
  '😀',
);
const text = fc.oneof(
  fc.array(arabicish, { maxLength: 60 }).map((a) => a.join('')),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.string({ unit: 'binary', maxLength: 80 }),
);

/** Analyse, allowing only the input errors the edge is meant to raise. */
function analyseOrInputError(make: () => Parameters<ReturnType<typeof defaultPipeline>['analyze']>[0]): void {
  let article: Parameters<ReturnType<typeof defaultPipeline>['analyze']>[0];
  try {
    article = make();
  } catch (err) {
    assert.ok(err instanceof IsnadError, `only IsnadError may escape, got ${String(err)}`);
    assert.ok(['empty-input', 'binary-input', 'invalid-article'].includes(err.code), err.code);
    return;
  }
  const record = defaultPipeline().analyze(article);
  const v = validateRecord(record);
  assert.ok(v.ok, v.errors.join('; '));
}

/** FUZZ_RUNS (npm run fuzz) for the long form. */
const RUNS = Number(process.env.FUZZ_RUNS) || 1000;

describe(`extract properties (${RUNS} runs each)`, () => {
  it('any string as a JSONL article yields a valid record or a clear input error', () => {
    fc.assert(
      fc.property(text, (s) => analyseOrInputError(() => articleFromJson({ text: s }, 'prop'))),
      { numRuns: RUNS },
    );
  });
  it('any bytes as a text file yield a valid record or a clear input error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) =>
        analyseOrInputError(() => articleFromTextBytes(bytes, 'prop')),
      ),
      { numRuns: RUNS },
    );
  });
  it('any string as HTML is read without throwing', () => {
    const html = fc.oneof(
      text,
      fc
        .array(
          fc.constantFrom(
            '<p>',
            '</p>',
            '<div>',
            '</div>',
            '<script>',
            '</script>',
            '<!--',
            '-->',
            '&amp;',
            '&#1575;',
            '&#xFFFFFF;',
            'نص',
            '<meta charset=x>',
            '<title>',
            '</title>',
          ),
          { maxLength: 40 },
        )
        .map((a) => a.join('')),
    );
    fc.assert(
      fc.property(html, (s) => {
        const a = htmlToArticle(s);
        assert.equal(typeof a.text, 'string');
      }),
      { numRuns: RUNS },
    );
  });
  it('any bytes decode without throwing', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.option(fc.constantFrom('utf-8', 'windows-1256', 'iso-8859-6', 'utf-16le', 'bogus')),
        (bytes, declared) => {
          const d = decodeBytes(bytes, declared ? { declared } : {});
          assert.equal(typeof d.text, 'string');
        },
      ),
      { numRuns: RUNS },
    );
  });
});
