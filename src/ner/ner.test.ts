import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tagConll } from '../cli/tag.ts';
import { readConll, spanScore } from './conll.ts';
import { deserialise, nerTagger, serialise } from './model.ts';
import { decode, train } from './perceptron.ts';
import { ALLOWED, spansOf, TAG_COUNT, TAGS, tagIndex } from './tags.ts';

describe('BIO tags', () => {
  it('reads spans as conlleval does: an I- after O or another type opens a span', () => {
    assert.deepEqual(spansOf(['B-PER', 'I-PER', 'O', 'I-LOC', 'B-ORG', 'I-LOC']), [
      { type: 'PER', start: 0, end: 2 },
      { type: 'LOC', start: 3, end: 4 },
      { type: 'ORG', start: 4, end: 5 },
      { type: 'LOC', start: 5, end: 6 },
    ]);
  });

  it('forbids I-X after anything but B-X or I-X', () => {
    const i = (t: string) => tagIndex(t);
    assert.equal(ALLOWED[i('O') * TAG_COUNT + i('I-PER')], 0);
    assert.equal(ALLOWED[i('B-LOC') * TAG_COUNT + i('I-PER')], 0);
    assert.equal(ALLOWED[i('B-PER') * TAG_COUNT + i('I-PER')], 1);
  });

  it('scores spans exactly, by type', () => {
    const s = spanScore([['B-PER', 'I-PER', 'O']], [['B-PER', 'O', 'O']], spansOf);
    assert.equal(s.f1, 0);
  });
});

describe('perceptron', () => {
  // A toy language: «قال» is followed by a person, «في» by a place.
  const words = [
    ['قال', 'زيد', 'في', 'بغداد'],
    ['قال', 'عمرو', 'في', 'دمشق'],
    ['في', 'حلب', 'قال', 'بكر'],
  ];
  const gold = [
    ['O', 'B-PER', 'O', 'B-LOC'],
    ['O', 'B-PER', 'O', 'B-LOC'],
    ['O', 'B-LOC', 'O', 'B-PER'],
  ];
  const feats = (ws: string[]) => ws.map((w, i) => [`w=${w}`, `prev=${ws[i - 1] ?? '<s>'}`]);
  const data = words.map((ws, k) => ({ features: feats(ws), tags: gold[k]!.map(tagIndex) }));

  it('learns the toy language and generalises to a new name', () => {
    const w = train(data, { epochs: 5, seed: 7 });
    const tags = decode(w, feats(['قال', 'خالد', 'في', 'الموصل'])).map((t) => TAGS[t]);
    assert.deepEqual(tags, ['O', 'B-PER', 'O', 'B-LOC']);
  });

  it('is deterministic: the same seed gives the same bytes', () => {
    const a = serialise(train(data, { epochs: 5, seed: 7 }));
    const b = serialise(train(data, { epochs: 5, seed: 7 }));
    assert.ok(a.equals(b));
  });

  it('round-trips its weights through the shipped format', () => {
    const w = train(data, { epochs: 3, seed: 1 });
    const back = deserialise(serialise(w));
    assert.deepEqual(decode(back, feats(words[0]!)), decode(w, feats(words[0]!)));
  });
});

describe('shipped tagger', () => {
  it('tags names of every type in a sentence it has not seen', () => {
    const words = 'وقال وزير الخارجية الإيراني محمد جواد ظريف في طهران إن حزب الله اللبناني لن ينسحب'.split(
      ' ',
    );
    const tags = nerTagger().tag(words);
    const spans = spansOf(tags).map((s) => `${s.type}:${words.slice(s.start, s.end).join(' ')}`);
    assert.ok(spans.includes('PER:محمد جواد ظريف'), spans.join(', '));
    assert.ok(spans.includes('LOC:طهران'), spans.join(', '));
    assert.ok(
      spans.some((s) => s.startsWith('ORG:حزب الله')),
      spans.join(', '),
    );
  });

  it('tags by cached word sums exactly as by the feature strings training saw', () => {
    const doc = [
      'قال الرئيس الأمريكي دونالد ترامب في واشنطن إن | الولايات المتحدة ستنسحب .'.split(' '),
      'وأضاف ترامب أن " داعش " هزم في الرقة والموصل ، بحسب رويترز .'.split(' '),
      ['<s>', '|', '</s>', 'w-1|w'],
    ];
    assert.deepEqual(nerTagger().tagDocumentIndices(doc), nerTagger().tagDocumentUncached(doc));
  });

  it('tag --conll keeps every input line and appends one tag', () => {
    const input = 'قال O\nأوباما B-PER\n\n\nفي O\nواشنطن B-LOC\n';
    const out = tagConll(input);
    const sentences = readConll(input);
    assert.equal(out.filter((l) => l === '').length, sentences.length);
    const lines = out.filter(Boolean);
    assert.equal(lines.length, 4);
    for (const l of lines) assert.match(l, /^\S+ [BIO]\S* (O|[BI]-(PER|ORG|LOC|MISC))$/);
    assert.ok(lines[0]!.startsWith('قال O '));
  });
});
