import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { tagConll } from '../cli/tag.ts';
import { readConll, spanScore } from './conll.ts';
import { deserialise, nerTagger, serialise } from './model.ts';
import { decode, seeded, train, viterbi } from './perceptron.ts';
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

describe('viterbi', () => {
  // Every BIO-valid sequence of n tags, scored in full: what the search must find.
  function bruteForce(scores: Float64Array, transition: Float32Array, n: number): number[] {
    let best: number[] = [];
    let bestScore = Number.NEGATIVE_INFINITY;
    const walk = (prefix: number[], score: number) => {
      if (prefix.length === n) {
        if (score > bestScore) {
          bestScore = score;
          best = prefix;
        }
        return;
      }
      const prev = prefix.length ? prefix.at(-1)! : TAG_COUNT;
      for (let t = 0; t < TAG_COUNT; t++) {
        if (!ALLOWED[prev * TAG_COUNT + t]) continue;
        walk(
          [...prefix, t],
          score + transition[prev * TAG_COUNT + t]! + scores[prefix.length * TAG_COUNT + t]!,
        );
      }
    };
    walk([], 0);
    return best;
  }

  it('finds the best BIO-valid sequence, as a search of every sequence does', () => {
    const random = seeded(11);
    for (let trial = 0; trial < 30; trial++) {
      const n = 1 + (trial % 4);
      const transition = Float32Array.from({ length: (TAG_COUNT + 1) * TAG_COUNT }, () => random() * 4 - 2);
      const scores = Float64Array.from({ length: n * TAG_COUNT }, () => random() * 6 - 3);
      const weights = { featureIndex: new Map<string, number>(), emission: new Float32Array(0), transition };
      assert.deepEqual(viterbi(weights, scores, n), bruteForce(scores, transition, n));
    }
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
