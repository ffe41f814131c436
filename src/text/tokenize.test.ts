import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isFormatControl, isWhitespace } from './chars.ts';
import { type TokenKind, tokenize } from './tokenize.ts';

const kinds = (text: string) => tokenize(text).map((t) => [t.text, t.kind]);

describe('tokenize', () => {
  const cases: [string, string, [string, TokenKind][]][] = [
    [
      'Arabic words and Arabic punctuation',
      'قال، هل؟ نعم؛',
      [
        ['قال', 'arabic'],
        ['،', 'punct'],
        ['هل', 'arabic'],
        ['؟', 'punct'],
        ['نعم', 'arabic'],
        ['؛', 'punct'],
      ],
    ],
    [
      'numbers with separators, both digit systems',
      '1,500 و٢٠١٨ و3.5 و٣٫٥',
      [
        ['1,500', 'number'],
        ['و', 'arabic'],
        ['٢٠١٨', 'number'],
        ['و', 'arabic'],
        ['3.5', 'number'],
        ['و', 'arabic'],
        ['٣٫٥', 'number'],
      ],
    ],
    [
      'alphanumerics',
      'طائرات f16 و F-16',
      [
        ['طائرات', 'arabic'],
        ['f16', 'alnum'],
        ['و', 'arabic'],
        ['F-16', 'alnum'],
      ],
    ],
    [
      'Latin words with inner hyphen',
      'al-Qaeda said',
      [
        ['al-Qaeda', 'latin'],
        ['said', 'latin'],
      ],
    ],
    [
      'URLs lose trailing punctuation',
      'انظر https://example.com/a?b=1، ثم',
      [
        ['انظر', 'arabic'],
        ['https://example.com/a?b=1', 'url'],
        ['،', 'punct'],
        ['ثم', 'arabic'],
      ],
    ],
    [
      'e-mail',
      'راسلونا info@example.org.',
      [
        ['راسلونا', 'arabic'],
        ['info@example.org', 'email'],
        ['.', 'punct'],
      ],
    ],
    [
      'hashtag and mention',
      '#أبو_سياف @user',
      [
        ['#أبو_سياف', 'hashtag'],
        ['@user', 'mention'],
      ],
    ],
    [
      'quotation marks of every style',
      '«أ» “ب” „ج“ "د" ‹هـ›',
      [
        ['«', 'quote'],
        ['أ', 'arabic'],
        ['»', 'quote'],
        ['“', 'quote'],
        ['ب', 'arabic'],
        ['”', 'quote'],
        ['„', 'quote'],
        ['ج', 'arabic'],
        ['“', 'quote'],
        ['"', 'quote'],
        ['د', 'arabic'],
        ['"', 'quote'],
        ['‹', 'quote'],
        ['هـ', 'arabic'],
        ['›', 'quote'],
      ],
    ],
    ['diacritics and tatweel stay inside the word', 'الـــوزيرُ', [['الـــوزيرُ', 'arabic']]],
    [
      'dots run together',
      'انتهى... ثم',
      [
        ['انتهى', 'arabic'],
        ['...', 'punct'],
        ['ثم', 'arabic'],
      ],
    ],
    [
      'digits then letters without space',
      '2018م',
      [
        ['2018', 'number'],
        ['م', 'arabic'],
      ],
    ],
    [
      'emoji and symbols',
      'نعم 😀 $',
      [
        ['نعم', 'arabic'],
        ['😀', 'symbol'],
        ['$', 'symbol'],
      ],
    ],
  ];
  for (const [name, input, expected] of cases) it(name, () => assert.deepEqual(kinds(input), expected));

  it('keeps a zero-width non-joiner between letters inside the word, and drops a standalone one into the gap', () => {
    assert.deepEqual(kinds('مي\u200cخواهم \u200f'), [['مي\u200cخواهم', 'arabic']]);
  });
});

/** Tokens plus the gaps between them rebuild the text, and gaps hold only whitespace and controls. */
function assertLossless(text: string): void {
  const tokens = tokenize(text);
  let rebuilt = '';
  let at = 0;
  for (const t of tokens) {
    assert.ok(t.start >= at && t.end > t.start, 'tokens are ordered, non-empty and disjoint');
    const gap = text.slice(at, t.start);
    for (let i = 0; i < gap.length; i++) {
      const c = gap.charCodeAt(i);
      assert.ok(
        isWhitespace(c) || isFormatControl(c),
        `gap holds only whitespace/controls, not U+${c.toString(16)}`,
      );
    }
    assert.equal(t.text, text.slice(t.start, t.end));
    rebuilt += gap + t.text;
    at = t.end;
  }
  const tail = text.slice(at);
  for (let i = 0; i < tail.length; i++)
    assert.ok(isWhitespace(tail.charCodeAt(i)) || isFormatControl(tail.charCodeAt(i)));
  assert.equal(rebuilt + tail, text);
}

describe('tokenize properties', () => {
  const unit = fc.constantFrom(
    ..."قال الوزيرُ ـ، ؛ ؟ . .. 1,5 ٢٫٣ f-16 a'b #_ @ http://x.y www. «»“”„\"'‹› \n\t\u200f\u202e\ufeff \ud800 \udc00 😀 -".split(
      '',
    ),
  );
  it('is lossless on arbitrary text (1,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit, maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 80 })),
        assertLossless,
      ),
      {
        numRuns: 1000,
      },
    );
  });
});
