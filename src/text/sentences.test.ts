import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyseStructure } from './sentences.ts';
import { tokenize } from './tokenize.ts';

const structure = (text: string) => analyseStructure(text, tokenize(text));
const sentences = (text: string) => structure(text).sentences.map((s) => text.slice(s.start, s.end));

describe('paragraphs', () => {
  it('are the non-blank lines, trimmed', () => {
    const text = 'الأول.\n\n  الثاني  \r\nالثالث\n   \n';
    assert.deepEqual(
      structure(text).paragraphs.map((p) => text.slice(p.start, p.end)),
      ['الأول.', 'الثاني', 'الثالث'],
    );
  });
});

describe('sentences', () => {
  it('end at Arabic and Latin terminators', () => {
    assert.deepEqual(sentences('وصل الوفد. هل انتهى؟ نعم! ثم غادر'), [
      'وصل الوفد.',
      'هل انتهى؟',
      'نعم!',
      'ثم غادر',
    ]);
  });
  it('do not end inside «…» or “…”', () => {
    assert.deepEqual(sentences('قال: «انتهت الحرب. بدأ السلام» ثم غادر. وصل.'), [
      'قال: «انتهت الحرب. بدأ السلام» ثم غادر.',
      'وصل.',
    ]);
    assert.deepEqual(sentences('قال إن “هذا صحيح. وذاك أيضا” أمس.'), ['قال إن “هذا صحيح. وذاك أيضا” أمس.']);
  });
  it('end after the closing mark when the quotation ends with a terminator', () => {
    assert.deepEqual(sentences('قال: «انتهى الأمر.» ثم غادر.'), ['قال: «انتهى الأمر.»', 'ثم غادر.']);
  });
  it('do not end at abbreviations and initials', () => {
    assert.deepEqual(sentences('قال د. أحمد إن ص.ب 15 مغلق. ثم غادر.'), [
      'قال د. أحمد إن ص.ب 15 مغلق.',
      'ثم غادر.',
    ]);
    assert.deepEqual(sentences('وقعه ع. م. الخالدي أمس.'), ['وقعه ع. م. الخالدي أمس.']);
  });
  it('do not end at a decimal point', () => {
    assert.deepEqual(sentences('نما الاقتصاد 3.5 بالمئة. ثم تراجع.'), [
      'نما الاقتصاد 3.5 بالمئة.',
      'ثم تراجع.',
    ]);
  });
  it('never cross a paragraph', () => {
    assert.deepEqual(sentences('سطر أول بلا نقطة\nسطر ثان'), ['سطر أول بلا نقطة', 'سطر ثان']);
  });
});

describe('quotation marks', () => {
  const pairs = (text: string) => structure(text).quotePairs.map((p) => [text[p.open], text[p.close]]);
  it('pair each style with its mirror, and nest', () => {
    assert.deepEqual(pairs('«قال “نعم” ثم صمت»'), [
      ['«', '»'],
      ['“', '”'],
    ]);
  });
  it('pair flipped guillemets and same-mark pairs', () => {
    assert.deepEqual(pairs('قال »نعم« و”لا”'), [
      ['»', '«'],
      ['”', '”'],
    ]);
  });
  it('pair straight quotes', () => {
    assert.deepEqual(pairs('قال "نعم" و"لا"'), [
      ['"', '"'],
      ['"', '"'],
    ]);
  });
  it('ignore apostrophes inside words', () => {
    assert.deepEqual(pairs("he didn't «قال»"), [['«', '»']]);
  });
  it('pair a quotation that runs across paragraphs', () => {
    const text = 'قال: «الفقرة الأولى.\nالفقرة الثانية» ثم غادر.';
    const s = structure(text);
    assert.equal(s.quotePairs.length, 1);
    assert.equal(s.quotePairs[0]!.crossesParagraphs, true);
    assert.deepEqual(s.unmatchedMarks, []);
  });
  it('report a mark with no partner', () => {
    const text = 'قال «نعم ولم يغلق. ثم غادر.';
    const s = structure(text);
    assert.deepEqual(s.unmatchedMarks, [{ at: text.indexOf('«'), mark: '«' }]);
    // An unmatched opener does not swallow the rest of the paragraph into one sentence.
    assert.equal(s.sentences.length, 2);
  });
});
