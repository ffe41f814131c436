/**
 * The shipped tagger model (data/ner/model.tsv.gz) and the tagging API.
 *
 * Format (gzip of UTF-8 text): a header line `#isnad-ner <version> <tags…>`;
 * a line `T` followed by the (TAG_COUNT+1)×TAG_COUNT transition weights;
 * then one line per feature, `feature<TAB>tag:weight …` listing its non-zero
 * weights. Weights are rounded to 4 decimals, features whose weights all
 * round to zero are dropped, and lines are sorted, so the same training gives
 * the same bytes.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { dataPath } from '../data-path.ts';
import { BOUNDARY, NerFeatures, nerResources, PAIR_FEATURES } from './features.ts';
import { decode, viterbi, type Weights } from './perceptron.ts';
import { TAG_COUNT, TAGS } from './tags.ts';

export const MODEL_VERSION = 1;

const round = (x: number) => Math.round(x * 10000) / 10000;

export function serialise(weights: Weights): Buffer {
  const T = TAG_COUNT;
  const lines: string[] = [];
  for (const [feature, id] of weights.featureIndex) {
    const parts: string[] = [];
    for (let t = 0; t < T; t++) {
      const v = round(weights.emission[id * T + t]!);
      if (v !== 0) parts.push(`${t}:${v}`);
    }
    if (parts.length) lines.push(`${feature}\t${parts.join(' ')}`);
  }
  lines.sort();
  const transitions = Array.from(weights.transition, (v) => String(round(v))).join(' ');
  const text = `#isnad-ner ${MODEL_VERSION} ${TAGS.join(' ')}\nT\t${transitions}\n${lines.join('\n')}\n`;
  return gzipSync(Buffer.from(text, 'utf8'), { level: 9 });
}

export function deserialise(gz: Buffer): Weights {
  const text = gunzipSync(gz).toString('utf8');
  const lines = text.split('\n');
  const header = lines[0]!.split(' ');
  if (header[0] !== '#isnad-ner' || Number(header[1]) !== MODEL_VERSION)
    throw new Error(`not an isnad NER model of version ${MODEL_VERSION}: ${lines[0]}`);
  if (header.slice(2).join(' ') !== TAGS.join(' '))
    throw new Error('NER model tag set differs from the code');
  const T = TAG_COUNT;
  const transition = Float32Array.from(lines[1]!.slice(2).split(' ').map(Number));
  if (transition.length !== (T + 1) * T) throw new Error('NER model: bad transition row');
  const featureIndex = new Map<string, number>();
  const emission = new Float32Array((lines.length - 2) * T);
  for (let k = 2; k < lines.length; k++) {
    const line = lines[k]!;
    if (!line) continue;
    const tab = line.lastIndexOf('\t');
    const id = featureIndex.size;
    featureIndex.set(line.slice(0, tab), id);
    for (const part of line.slice(tab + 1).split(' ')) {
      const colon = part.indexOf(':');
      emission[id * T + Number(part.slice(0, colon))] = Number(part.slice(colon + 1));
    }
  }
  return { featureIndex, emission, transition };
}

/** How many sentences either side count as the document for the second pass's history. */
export const HISTORY_WINDOW = 25;

/**
 * Emission scores of one model, with each word's own and neighbour features
 * resolved to feature ids once per spelling: news repeats its words, so most
 * tokens cost a table lookup and a few additions instead of forty string
 * builds and hash lookups. The features are `NerFeatures.sentence`'s, by
 * construction (the same parts).
 */
class Scorer {
  /** Per spelling: the summed emission weights of its own features and of its features as each neighbour, 5 × TAG_COUNT. */
  private readonly cache = new Map<string, Float64Array>();
  private readonly boundary: Float64Array;

  constructor(
    readonly weights: Weights,
    private readonly features: NerFeatures,
  ) {
    this.boundary = this.sums([[], BOUNDARY.prev1, BOUNDARY.next1, BOUNDARY.prev2, BOUNDARY.next2]);
  }

  private ids(features: readonly string[]): Int32Array {
    const out: number[] = [];
    for (const f of features) {
      const id = this.weights.featureIndex.get(f);
      if (id !== undefined) out.push(id);
    }
    return Int32Array.from(out);
  }

  private sums(groups: readonly (readonly string[])[]): Float64Array {
    const out = new Float64Array(groups.length * TAG_COUNT);
    groups.forEach((g, k) => {
      this.add(out, k * TAG_COUNT, this.ids(g));
    });
    return out;
  }

  private word(w: string): Float64Array {
    let hit = this.cache.get(w);
    if (!hit) {
      if (this.cache.size > 200_000) this.cache.clear();
      const p = this.features.wordParts(w);
      hit = this.sums([p.own, p.prev1, p.next1, p.prev2, p.next2]);
      this.cache.set(w, hit);
    }
    return hit;
  }

  /** n × TAG_COUNT emission scores for a sentence, plus `extra` features per token (the second pass's history). */
  scores(words: readonly string[], extra?: readonly (readonly string[])[]): Float64Array {
    const n = words.length;
    const out = new Float64Array(n * TAG_COUNT);
    const parts = words.map((w) => this.word(w));
    const marks = this.features.marks(words);
    const b = this.boundary;
    for (let i = 0; i < n; i++) {
      const row = i * TAG_COUNT;
      addRow(out, row, parts[i]!, OWN);
      addRow(out, row, i > 0 ? parts[i - 1]! : b, PREV1);
      addRow(out, row, i + 1 < n ? parts[i + 1]! : b, NEXT1);
      addRow(out, row, i > 1 ? parts[i - 2]! : b, PREV2);
      addRow(out, row, i + 2 < n ? parts[i + 2]! : b, NEXT2);
      this.add(out, row, this.markIds(marks, i));
      const pairs = this.features.pairValues(words, i);
      for (let k = 0; k < pairs.length; k++) {
        const id = this.pairId(k, pairs[k]![0], pairs[k]![1]);
        if (id >= 0) this.addOne(out, row, id);
      }
      if (extra) this.addStrings(out, row, extra[i]!);
    }
    return out;
  }

  private readonly markCache = new Map<string, Int32Array>();
  private markIds(marks: readonly string[], i: number): Int32Array {
    const key = `${i > 0 ? marks[i - 1] : '<s>'}|${marks[i]}|${i + 1 < marks.length ? marks[i + 1] : '</s>'}`;
    let hit = this.markCache.get(key);
    if (!hit) {
      hit = this.ids(this.features.markFeatures(marks, i));
      this.markCache.set(key, hit);
    }
    return hit;
  }

  /** Feature ids of pair features, by their two values: strings already held hash fast; a built one would not. */
  private readonly pairCache = PAIR_FEATURES.map(() => new Map<string, Map<string, number>>());
  private pairCount = 0;
  private pairId(k: number, a: string, b: string): number {
    const table = this.pairCache[k]!;
    let inner = table.get(a);
    if (!inner) {
      inner = new Map();
      table.set(a, inner);
    }
    let id = inner.get(b);
    if (id === undefined) {
      if (++this.pairCount > 500_000) {
        for (const t of this.pairCache) t.clear();
        this.pairCount = 0;
      }
      id = this.weights.featureIndex.get(`${PAIR_FEATURES[k]}=${a}|${b}`) ?? -1;
      inner.set(b, id);
    }
    return id;
  }

  private addOne(out: Float64Array, row: number, id: number): void {
    const e = this.weights.emission;
    const base = id * TAG_COUNT;
    for (let t = 0; t < TAG_COUNT; t++) out[row + t]! += e[base + t]!;
  }

  private add(out: Float64Array, row: number, ids: Int32Array): void {
    const e = this.weights.emission;
    for (let k = 0; k < ids.length; k++) {
      const base = ids[k]! * TAG_COUNT;
      for (let t = 0; t < TAG_COUNT; t++) out[row + t]! += e[base + t]!;
    }
  }

  private addStrings(out: Float64Array, row: number, features: readonly string[]): void {
    const e = this.weights.emission;
    const index = this.weights.featureIndex;
    for (const f of features) {
      const id = index.get(f);
      if (id === undefined) continue;
      const base = id * TAG_COUNT;
      for (let t = 0; t < TAG_COUNT; t++) out[row + t]! += e[base + t]!;
    }
  }
}

const [OWN, PREV1, NEXT1, PREV2, NEXT2] = [0, 1, 2, 3, 4].map((k) => k * TAG_COUNT) as [
  number,
  number,
  number,
  number,
  number,
];

function addRow(out: Float64Array, row: number, from: Float64Array, offset: number): void {
  for (let t = 0; t < TAG_COUNT; t++) out[row + t]! += from[offset + t]!;
}

/** Tags token sequences with the shipped models: a first pass, then a second that sees the document. */
export class NerTagger {
  private readonly features = new NerFeatures(nerResources());
  private readonly firstPass: Scorer;
  private readonly secondPass: Scorer;

  constructor(first: Weights, second: Weights) {
    this.firstPass = new Scorer(first, this.features);
    this.secondPass = new Scorer(second, this.features);
  }

  /** BIO tags (as strings) for one sentence's tokens, taken as given. */
  tag(words: readonly string[]): string[] {
    return this.tagDocument([words])[0]!;
  }

  /** BIO tags for the sentences of one document (or a stream of them: history looks HISTORY_WINDOW sentences either way). */
  tagDocument(sentences: readonly (readonly string[])[]): string[][] {
    return this.tagDocumentIndices(sentences).map((tags) => tags.map((t) => TAGS[t]!));
  }

  tagDocumentIndices(sentences: readonly (readonly string[])[]): number[][] {
    const first = this.firstPass;
    const firstTags = sentences.map((words) => viterbi(first.weights, first.scores(words), words.length));
    const history = this.features.history(sentences, firstTags, HISTORY_WINDOW);
    const second = this.secondPass;
    return sentences.map((words, k) =>
      viterbi(second.weights, second.scores(words, history[k]), words.length),
    );
  }

  /** The same tags by the plain feature strings (what training sees): for tests that the cache changes nothing. */
  tagDocumentUncached(sentences: readonly (readonly string[])[]): number[][] {
    const base = sentences.map((words) => this.features.sentence(words));
    const firstTags = base.map((fs) => decode(this.firstPass.weights, fs));
    const history = this.features.history(sentences, firstTags, HISTORY_WINDOW);
    return base.map((fs, k) =>
      decode(
        this.secondPass.weights,
        fs.map((f, i) => [...f, ...history[k]![i]!]),
      ),
    );
  }
}

let shared: NerTagger | null = null;
/** The tagger over data/ner/model.tsv.gz and model2.tsv.gz, loaded on first use. */
export function nerTagger(): NerTagger {
  shared ??= new NerTagger(
    deserialise(readFileSync(modelPath('first'))),
    deserialise(readFileSync(modelPath('second'))),
  );
  return shared;
}

export const modelPath = (which: 'first' | 'second') =>
  dataPath(which === 'first' ? 'ner/model.tsv.gz' : 'ner/model2.tsv.gz');
