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
import {
  BOUNDARY,
  conjunctionConstraint,
  NerFeatures,
  nerResources,
  PAIR_FEATURES,
  type WordInfo,
} from './features.ts';
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
  // By hand, not split(): 80,000 lines a model, read at every start.
  for (let k = 2; k < lines.length; k++) {
    const line = lines[k]!;
    if (!line) continue;
    const tab = line.lastIndexOf('\t');
    const id = featureIndex.size;
    featureIndex.set(line.slice(0, tab), id);
    let at = tab + 1;
    while (at < line.length) {
      const colon = line.indexOf(':', at);
      let space = line.indexOf(' ', colon);
      if (space < 0) space = line.length;
      // Tag indices are one digit (TAG_COUNT is 9).
      emission[id * T + (line.charCodeAt(at) - 48)] = Number.parseFloat(line.slice(colon + 1, space));
      at = space + 1;
    }
  }
  return { featureIndex, emission, transition };
}

/** How many sentences either side count as the document for the second pass's history. */
export const HISTORY_WINDOW = 25;

/**
 * One model's view of a word: the summed emission weights of its own
 * features and of its features as each neighbour (5 × TAG_COUNT), and the
 * model's pair features that start with it (null where the model has none:
 * most words). Depends on the spelling alone, so it is cached per word.
 */
interface ModelWord {
  readonly sums: Float64Array;
  /** For each of PAIR_FEATURES, the second values the model pairs with this word's first value. */
  readonly pairs: readonly (ReadonlyMap<string, number> | undefined)[];
}

/** A word as both passes see it: looked up once per token. */
interface Entry {
  readonly info: WordInfo;
  readonly first: ModelWord;
  readonly second: ModelWord;
}

const [OWN, PREV1, NEXT1, PREV2, NEXT2] = [0, 1, 2, 3, 4].map((k) => k * TAG_COUNT) as [
  number,
  number,
  number,
  number,
  number,
];

/**
 * Emission scores of one model, from ModelWords: news repeats its words, so
 * most tokens cost a few vector additions instead of forty string builds
 * and hash lookups. The features are `NerFeatures.sentence`'s, by
 * construction (the same parts), and `tagDocumentUncached` checks it.
 */
class Scorer {
  private readonly boundary: Float64Array;
  private readonly pairTables: Map<string, Map<string, number>>[];
  private readonly markCache = new Map<number, Float64Array>();
  /** Small integer codes of marks (undefined, past either end of the sentence, is «\u0000»). */
  private readonly markCodes = new Map<string, number>();

  constructor(
    readonly weights: Weights,
    private readonly features: NerFeatures,
  ) {
    this.boundary = this.sums([[], BOUNDARY.prev1, BOUNDARY.next1, BOUNDARY.prev2, BOUNDARY.next2]);
    this.pairTables = this.buildPairTables();
    this.startPairs = this.pairTables.map((t) => t.get('<s>'));
  }

  /** The model's view of one word (uncached: the tagger caches Entries). */
  word(w: string, info: WordInfo): ModelWord {
    const p = this.features.wordParts(w);
    const firsts = [info.key, info.key, info.trigger, info.shape];
    return {
      sums: this.sums([p.own, p.prev1, p.next1, p.prev2, p.next2]),
      pairs: this.pairTables.map((t, k) => t.get(firsts[k]!)),
    };
  }

  private sums(groups: readonly (readonly string[])[]): Float64Array {
    const out = new Float64Array(groups.length * TAG_COUNT);
    const { featureIndex, emission } = this.weights;
    groups.forEach((g, k) => {
      for (const f of g) {
        const id = featureIndex.get(f);
        if (id !== undefined) addWeights(out, k * TAG_COUNT, emission, id);
      }
    });
    return out;
  }

  /**
   * Pair features by their two values, read out of the model once. A value
   * may itself hold «|», so every split of a feature's text is entered: any
   * split that matches spells the same feature string, so the answers are
   * those of the plain lookup.
   */
  private buildPairTables(): Map<string, Map<string, number>>[] {
    const tables = PAIR_FEATURES.map(() => new Map<string, Map<string, number>>());
    const prefixes = PAIR_FEATURES.map((name) => `${name}=`);
    for (const [feature, id] of this.weights.featureIndex) {
      const k = prefixes.findIndex((p) => feature.startsWith(p));
      if (k < 0) continue;
      const value = feature.slice(prefixes[k]!.length);
      for (let bar = value.indexOf('|'); bar >= 0; bar = value.indexOf('|', bar + 1)) {
        const a = value.slice(0, bar);
        let inner = tables[k]!.get(a);
        if (!inner) {
          inner = new Map();
          tables[k]!.set(a, inner);
        }
        inner.set(value.slice(bar + 1), id);
      }
    }
    return tables;
  }

  /**
   * The mark features of token i, by its marks and its neighbours': few
   * distinct marks, so a numeric key into a small table (no string built per
   * token). A mark not seen before gets the next code.
   */
  private markSums(marks: readonly string[], i: number): Float64Array {
    const key =
      (this.markCode(i > 0 ? marks[i - 1] : undefined) * 64 + this.markCode(marks[i])) * 64 +
      this.markCode(marks[i + 1]);
    let hit = this.markCache.get(key);
    if (!hit) {
      hit = this.sums([this.features.markFeatures(marks, i)]);
      this.markCache.set(key, hit);
    }
    return hit;
  }

  private markCode(mark: string | undefined): number {
    const m = mark ?? '\u0000';
    let c = this.markCodes.get(m);
    if (c === undefined) {
      c = this.markCodes.size;
      this.markCodes.set(m, c);
    }
    return c;
  }

  /** n × TAG_COUNT emission scores for a sentence, plus `extra` features per token (the second pass's history). */
  scores(
    words: readonly ModelWord[],
    infos: readonly WordInfo[],
    marks: readonly string[],
    extra?: readonly (readonly string[])[],
  ): Float64Array {
    const n = words.length;
    const out = new Float64Array(n * TAG_COUNT);
    const b = this.boundary;
    const { emission, featureIndex } = this.weights;
    const startPairs = this.startPairs;
    for (let i = 0; i < n; i++) {
      const row = i * TAG_COUNT;
      const w = words[i]!;
      const info = infos[i]!;
      addRow(out, row, w.sums, OWN);
      addRow(out, row, i > 0 ? words[i - 1]!.sums : b, PREV1);
      addRow(out, row, i + 1 < n ? words[i + 1]!.sums : b, NEXT1);
      addRow(out, row, i > 1 ? words[i - 2]!.sums : b, PREV2);
      addRow(out, row, i + 2 < n ? words[i + 2]!.sums : b, NEXT2);
      addRow(out, row, this.markSums(marks, i), 0);
      // PAIR_FEATURES: w-1|w, w|w+1, tr-1|art, sh-1|sh (unrolled: no arrays per token).
      const prev = i > 0 ? words[i - 1]!.pairs : startPairs;
      addPair(out, row, emission, prev[0]?.get(info.key));
      addPair(out, row, emission, w.pairs[1]?.get(i + 1 < n ? infos[i + 1]!.key : '</s>'));
      addPair(out, row, emission, prev[2]?.get(info.article));
      addPair(out, row, emission, prev[3]?.get(info.shape));
      if (extra)
        for (const f of extra[i]!) {
          const id = featureIndex.get(f);
          if (id !== undefined) addWeights(out, row, emission, id);
        }
    }
    return out;
  }

  /** The pair tables' entries for a sentence's start («<s>» as the first value). */
  private readonly startPairs: readonly (ReadonlyMap<string, number> | undefined)[];
}

function addRow(out: Float64Array, row: number, from: Float64Array, offset: number): void {
  for (let t = 0; t < TAG_COUNT; t++) out[row + t]! += from[offset + t]!;
}

function addPair(out: Float64Array, row: number, emission: Float32Array, id: number | undefined): void {
  if (id !== undefined) addWeights(out, row, emission, id);
}

function addWeights(out: Float64Array, row: number, emission: Float32Array, id: number): void {
  const base = id * TAG_COUNT;
  for (let t = 0; t < TAG_COUNT; t++) out[row + t]! += emission[base + t]!;
}

/** Tags token sequences with the shipped models: a first pass, then a second that sees the document. */
export class NerTagger {
  private readonly features = new NerFeatures(nerResources());
  private readonly firstPass: Scorer;
  private readonly secondPass: Scorer;
  private readonly entries = new Map<string, Entry>();

  constructor(first: Weights, second: Weights) {
    this.firstPass = new Scorer(first, this.features);
    this.secondPass = new Scorer(second, this.features);
  }

  private entry(w: string): Entry {
    let e = this.entries.get(w);
    if (!e) {
      // Bounded like the segmenter's cache: a stream of rare words must not grow it for ever.
      if (this.entries.size > 300_000) this.entries.clear();
      const info = this.features.info(w);
      e = { info, first: this.firstPass.word(w, info), second: this.secondPass.word(w, info) };
      this.entries.set(w, e);
    }
    return e;
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
    const entries = sentences.map((words) => words.map((w) => this.entry(w)));
    const infos = entries.map((es) => es.map((e) => e.info));
    const marks = infos.map((is) => this.features.phraseMarks(is));
    const first = this.firstPass;
    const constraints = infos.map((is) => conjunctionConstraint(is));
    const firstTags = entries.map((es, k) => {
      const scores = first.scores(
        es.map((e) => e.first),
        infos[k]!,
        marks[k]!,
      );
      constraints[k]!(scores);
      return viterbi(first.weights, scores, es.length);
    });
    const history = this.features.historyOfStems(
      infos.map((is) => is.map((i) => i.stem)),
      firstTags,
      HISTORY_WINDOW,
    );
    const second = this.secondPass;
    return entries.map((es, k) => {
      const scores = second.scores(
        es.map((e) => e.second),
        infos[k]!,
        marks[k]!,
        history[k],
      );
      constraints[k]!(scores);
      return viterbi(second.weights, scores, es.length);
    });
  }

  /** The same tags by the plain feature strings (what training sees): for tests that the cache changes nothing. */
  tagDocumentUncached(sentences: readonly (readonly string[])[]): number[][] {
    const base = sentences.map((words) => this.features.sentence(words));
    const constraints = sentences.map((words) =>
      conjunctionConstraint(words.map((w) => this.features.info(w))),
    );
    const firstTags = base.map((fs, k) => decode(this.firstPass.weights, fs, constraints[k]));
    const history = this.features.history(sentences, firstTags, HISTORY_WINDOW);
    return base.map((fs, k) =>
      decode(
        this.secondPass.weights,
        fs.map((f, i) => [...f, ...history[k]![i]!]),
        constraints[k],
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
