import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  dediacritise,
  foldDigits,
  foldKey,
  foldLetters,
  normalize,
  SEARCH_FORM,
  searchForm,
  stripControls,
} from './normalize.ts';

describe('normalisation views', () => {
  const cases: [string, (t: string) => { text: string }, string, string][] = [
    ['diacritics and tatweel', dediacritise, 'كَتَبَ الـــوزيرُ', 'كتب الوزير'],
    ['alef variants', foldLetters, 'أإآٱا', 'ااااا'],
    ['yeh, teh marbuta, hamza seats', foldLetters, 'مستشفى مدينة مؤتمر رئيس', 'مستشفي مدينه موتمر رييس'],
    ['Arabic-Indic and Eastern digits', foldDigits, '٢٠١٨ و۱۹۹۰ و٣٫٥', '2018 و1990 و3.5'],
    ['bidi and zero-width controls', stripControls, 'اسم\u202eمقلوب\u202c\u200fنص\u200b', 'اسممقلوبنص'],
    ['presentation forms expand', (t) => normalize(t, { presentation: true }), 'ﻻ ﷲ ﺑ', 'لا الله ب'],
    ['lowercase ASCII only', (t) => normalize(t, { lowercase: true }), 'F-16 ÉA', 'f-16 Éa'],
  ];
  for (const [name, fn, input, expected] of cases) {
    it(name, () => assert.equal(fn(input).text, expected));
  }

  it('maps view spans back to the original, diacritics included', () => {
    const source = 'قالَ الوزيرُ';
    const v = dediacritise(source);
    assert.equal(v.text, 'قال الوزير');
    const start = v.text.indexOf('الوزير');
    const [s, e] = v.toSource(start, start + 'الوزير'.length);
    assert.equal(source.slice(s, e), 'الوزيرُ');
    assert.equal(v.toView(source.indexOf('الوزير')), start);
  });

  it('maps a ligature expansion back to its one source character', () => {
    const v = normalize('أﻻ', { presentation: true, letters: true });
    assert.equal(v.text, 'الا');
    assert.deepEqual(v.toSource(1, 3), [1, 2]);
  });

  it('is the identity, without a map, when nothing changes length', () => {
    const v = foldLetters('أحمد');
    assert.equal(v.identityOffsets, true);
    assert.deepEqual(v.toSource(1, 3), [1, 3]);
  });

  it('foldKey gives the search form', () => {
    assert.equal(foldKey('الإرهابيّة ٢٠١٧'), 'الارهابيه 2017');
  });
});

// Text drawn from the characters the views act on, mixed with plain ones.
const interesting = fc.constantFrom(
  ...'كتب الوزيرَُِّْ ـ أإآٱىةؤئ ٠١٢٣۴۵ 0123 \u200e\u200f\u202e\u2066\u200b\ufeff ﻻﷲﺑﷺ abcXYZ «»“” .،؟\n'.split(
    '',
  ),
  '\ud83d\ude00',
);
const arbitraryText = fc.oneof(fc.string({ unit: interesting, maxLength: 60 }), fc.string({ maxLength: 40 }));

describe('normalisation properties', () => {
  it('every view position maps to a source span whose normalisation contains it', () => {
    fc.assert(
      fc.property(arbitraryText, (text) => {
        const v = searchForm(text);
        for (let i = 0; i < v.text.length; i++) {
          const [s, e] = v.toSource(i, i + 1);
          assert.ok(s < e && e <= text.length);
          assert.ok(normalize(text.slice(s, e), SEARCH_FORM).text.includes(v.text[i]!));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('round-trips: source → view offset → source span covers the source character', () => {
    fc.assert(
      fc.property(arbitraryText, (text) => {
        const v = searchForm(text);
        assert.equal(v.toView(0), 0);
        assert.equal(v.toView(text.length), v.text.length);
        let prev = 0;
        for (let i = 0; i <= text.length; i++) {
          const j = v.toView(i);
          assert.ok(j >= prev, 'toView is monotone');
          prev = j;
          if (j < v.text.length) {
            const [s] = v.toSource(j, j + 1);
            assert.ok(s >= i || v.toView(s) === j, 'maps back at or after the source offset');
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('whole-text spans map to the whole source, and slicing the view at token boundaries round-trips', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('قالَ', 'الوزيرُ', 'ﻻ', '٢٠١٨', '\u200f', 'F-16', 'إنّ'), { maxLength: 12 }),
        (words) => {
          const text = words.join(' ');
          const v = searchForm(text);
          // Each word normalises on its own to exactly its slice of the view.
          let at = 0;
          for (const w of words) {
            const from = v.toView(at);
            const to = v.toView(at + w.length);
            assert.equal(v.text.slice(from, to), normalize(w, SEARCH_FORM).text);
            at += w.length + 1;
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
