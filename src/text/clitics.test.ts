import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cliticSegmenter, createSegmenter } from './clitics.ts';
import { frequenciesFrom } from './lexicon.ts';

const parts = (word: string) =>
  cliticSegmenter()
    .segment(word)
    .map((s) => `${s.text}:${s.role}`)
    .join(' ');

describe('clitic segmentation (shipped lexicon)', () => {
  const cases: [string, string][] = [
    // Conservative: words that only look like clitic + word stay whole.
    ['وزير', 'وزير:stem'],
    ['بلد', 'بلد:stem'],
    ['كلام', 'كلام:stem'],
    ['كان', 'كان:stem'],
    ['سوريا', 'سوريا:stem'],
    ['بيان', 'بيان:stem'],
    ['ولاية', 'ولاية:stem'],
    ['الذي', 'الذي:stem'],
    ['المالكي', 'ال:det مالكي:stem'],
    // Proclitics and their combinations.
    ['وقال', 'و:conj قال:stem'],
    ['وأضاف', 'و:conj أضاف:stem'],
    ['والحكومة', 'و:conj ال:det حكومة:stem'],
    ['بالعراق', 'ب:prep ال:det عراق:stem'],
    ['للحكومة', 'ل:prep ل:det حكومة:stem'],
    ['وللمرة', 'و:conj ل:prep ل:det مرة:stem'],
    ['وبالتالي', 'و:conj ب:prep ال:det تالي:stem'],
    ['فللحكومة', 'ف:conj ل:prep ل:det حكومة:stem'],
    ['فالجانب', 'ف:conj ال:det جانب:stem'],
    ['ستكون', 'س:fut تكون:stem'],
    ['وسيكون', 'و:conj س:fut يكون:stem'],
    ['لتزويد', 'ل:prep تزويد:stem'],
    // Enclitic pronouns.
    ['حربه', 'حرب:stem ه:pron'],
    ['عليها', 'علي:stem ها:pron'],
    ['منهم', 'من:stem هم:pron'],
    ['لهم', 'ل:stem هم:pron'],
    ['أراضيه', 'أراضي:stem ه:pron'],
    ['حكومته', 'حكومت:stem ه:pron'],
    ['لدينا', 'لدي:stem نا:pron'],
    // A final ي is a nisba or part of a name, not «my», except after prepositions.
    ['عربي', 'عربي:stem'],
    ['فتحي', 'فتحي:stem'],
    ['مني', 'من:stem ي:pron'],
  ];
  for (const [word, expected] of cases)
    it(`${word} → ${expected}`, () => assert.equal(parts(word), expected));

  it('gives sub-offsets over the surface form, diacritics included', () => {
    const word = 'وَبِالعِراقِ';
    const segs = cliticSegmenter().segment(word, 100);
    assert.deepEqual(
      segs.map((s) => s.role),
      ['conj', 'prep', 'det', 'stem'],
    );
    assert.equal(segs[0]!.start, 100);
    assert.equal(segs.at(-1)!.end, 100 + word.length);
    for (let k = 1; k < segs.length; k++)
      assert.equal(segs[k]!.start, segs[k - 1]!.end, 'segments are contiguous');
    for (const s of segs) assert.equal(word.slice(s.start - 100, s.end - 100), s.text);
    assert.equal(segs[0]!.text, 'وَ');
    assert.equal(segs.at(-1)!.text, 'عِراقِ');
  });
});

describe('clitic segmentation decisions follow the frequencies', () => {
  it('splits و when the rest is frequent enough against the whole, keeps the word otherwise', () => {
    const seg = createSegmenter(
      frequenciesFrom([
        ['وقال', 100],
        ['قال', 60],
        ['وزير', 100],
        ['زير', 4],
      ]),
      new Set(),
    );
    assert.equal(seg.segment('وقال').length, 2);
    assert.equal(seg.segment('وزير').length, 1);
  });

  it('never splits a listed exception', () => {
    const seg = createSegmenter(frequenciesFrom([['قال', 60]]), new Set(['وقال']));
    assert.equal(seg.segment('وقال').length, 1);
  });
});
