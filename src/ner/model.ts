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
import { BoundedCache, WORD_CACHE_SIZE } from '../text/bounded-cache.ts';
import {
  BOUNDARY,
  conjunctionConstraint,
  NerFeatures,
  nerResources,
  PAIR_FEATURES,
  type WordInfo,
  type WordParts,
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
 * Small integer codes for the string values that pair features join (search
 * forms, trigger kinds, article classes, shapes), shared by both passes.
 * Only values some pair feature holds get a code: any other value cannot
 * complete a pair, so its lookups are skipped outright.
 */
class ValueCodes {
  private readonly codes = new Map<string, number>();

  add(value: string): number {
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.codes.size;
      this.codes.set(value, c);
    }
    return c;
  }

  /** The value's code, or -1 when no pair feature holds it. */
  of(value: string): number {
    return this.codes.get(value) ?? -1;
  }
}

/**
 * A word as both passes see it, looked up once per token: each pass's
 * summed emission weights of the word's own features and of its features
 * as each neighbour (5 × TAG_COUNT), and the codes of the values its pair
 * features take. Depends on the spelling alone, so it is cached per word.
 */
interface Entry {
  readonly info: WordInfo;
  /** The first pass's sums, then the second's. */
  readonly sums: readonly [Float64Array, Float64Array];
  readonly key: number;
  readonly trigger: number;
  readonly article: number;
  readonly shape: number;
}

/** Phrase marks are "", B-/I- of PER, LOC and ORG, and «outside the sentence»: eight kinds. */
const MARK_CODES = 8;

const [OWN, PREV1, NEXT1, PREV2, NEXT2] = [0, 1, 2, 3, 4].map((k) => k * TAG_COUNT) as [
  number,
  number,
  number,
  number,
  number,
];

/**
 * Emission scores of one model, from cached word sums: news repeats its
 * words, so most tokens cost a few vector additions instead of forty string
 * builds and hash lookups. The features are `NerFeatures.sentence`'s, by
 * construction (the same parts), and `tagDocumentUncached` checks it.
 */
class Scorer {
  private readonly boundary: Float64Array;
  /** Per PAIR_FEATURES, by the first value's code: the second value's code → the feature's emission offset. */
  private readonly pairTables: (Map<number, number> | undefined)[][];
  /** Mark feature sums by the codes of a token's mark and its neighbours' (8 × 8 × 8). */
  private readonly markCache: (Float64Array | undefined)[] = [];
  /** Emission sums of the second pass's history feature lists (a few shared arrays). */
  private readonly extraCache = new Map<readonly string[], Float64Array>();

  constructor(
    readonly weights: Weights,
    private readonly features: NerFeatures,
    codes: ValueCodes,
  ) {
    this.boundary = this.sums([[], BOUNDARY.prev1, BOUNDARY.next1, BOUNDARY.prev2, BOUNDARY.next2]);
    this.pairTables = this.buildPairTables(codes);
  }

  /** The model's summed weights for one word's parts (uncached: the tagger caches Entries). */
  word(p: WordParts): Float64Array {
    return this.sums([p.own, p.prev1, p.next1, p.prev2, p.next2]);
  }

  private sums(groups: readonly (readonly string[])[]): Float64Array {
    const out = new Float64Array(groups.length * TAG_COUNT);
    const { featureIndex, emission } = this.weights;
    groups.forEach((g, k) => {
      for (const f of g) {
        const id = featureIndex.get(f);
        if (id !== undefined) addWeights(out, k * TAG_COUNT, emission, id * TAG_COUNT);
      }
    });
    return out;
  }

  /**
   * Pair features by the codes of their two values, read out of the model
   * once. A value may itself hold «|», so every split of a feature's text is
   * entered: any split that matches spells the same feature string, so the
   * answers are those of the plain lookup.
   */
  private buildPairTables(codes: ValueCodes): (Map<number, number> | undefined)[][] {
    const tables = PAIR_FEATURES.map((): (Map<number, number> | undefined)[] => []);
    const prefixes = PAIR_FEATURES.map((name) => `${name}=`);
    for (const [feature, id] of this.weights.featureIndex) {
      const k = prefixes.findIndex((p) => feature.startsWith(p));
      if (k < 0) continue;
      const value = feature.slice(prefixes[k]!.length);
      for (let bar = value.indexOf('|'); bar >= 0; bar = value.indexOf('|', bar + 1)) {
        const a = codes.add(value.slice(0, bar));
        const b = codes.add(value.slice(bar + 1));
        let inner = tables[k]![a];
        if (!inner) {
          inner = new Map();
          tables[k]![a] = inner;
        }
        inner.set(b, id * TAG_COUNT);
      }
    }
    // Filled by code in no order, the arrays would be sparse (a dictionary in V8, slow to index):
    // made dense here, one slot per code.
    return tables.map((t) => Array.from({ length: Math.max(t.length, 1) }, (_, k) => t[k]));
  }

  /** The mark features of a token by the codes of its and its neighbours' marks. */
  private markSums(
    before: number,
    at: number,
    after: number,
    marks: readonly string[],
    i: number,
  ): Float64Array {
    const key = (before * MARK_CODES + at) * MARK_CODES + after;
    let hit = this.markCache[key];
    if (!hit) {
      hit = this.sums([this.features.markFeatures(marks, i)]);
      this.markCache[key] = hit;
    }
    return hit;
  }

  private extraSums(list: readonly string[]): Float64Array {
    let hit = this.extraCache.get(list);
    if (!hit) {
      hit = this.sums([list]);
      this.extraCache.set(list, hit);
    }
    return hit;
  }

  /**
   * n × TAG_COUNT emission scores for a sentence: `pass` picks the pass's
   * sums from the entries; `markCodes` codes each token's phrase mark;
   * `extra` holds the second pass's history features per token.
   */
  scores(
    entries: readonly Entry[],
    pass: 0 | 1,
    marks: readonly string[],
    markCodes: Int32Array,
    edges: { readonly start: number; readonly end: number },
    extra?: readonly (readonly string[])[],
  ): Float64Array {
    const n = entries.length;
    const out = new Float64Array(n * TAG_COUNT);
    const b = this.boundary;
    const { emission } = this.weights;
    const [wPrev, wNext, trArt, shShape] = this.pairTables as [
      (Map<number, number> | undefined)[],
      (Map<number, number> | undefined)[],
      (Map<number, number> | undefined)[],
      (Map<number, number> | undefined)[],
    ];
    const outside = 0; // the code of «past either end of the sentence»
    for (let i = 0; i < n; i++) {
      const row = i * TAG_COUNT;
      const e = entries[i]!;
      const prev = i > 0 ? entries[i - 1]! : null;
      const next = i + 1 < n ? entries[i + 1]! : null;
      const own = e.sums[pass];
      const p1 = prev ? prev.sums[pass] : b;
      const n1 = next ? next.sums[pass] : b;
      const p2 = i > 1 ? entries[i - 2]!.sums[pass] : b;
      const n2 = i + 2 < n ? entries[i + 2]!.sums[pass] : b;
      const mark = this.markSums(
        i > 0 ? markCodes[i - 1]! : outside,
        markCodes[i]!,
        i + 1 < n ? markCodes[i + 1]! : outside,
        marks,
        i,
      );
      // One pass over the tags: the word's own sums, its neighbours' at their offsets, the marks.
      for (let t = 0; t < TAG_COUNT; t++)
        out[row + t] =
          own[OWN + t]! + p1[PREV1 + t]! + n1[NEXT1 + t]! + p2[PREV2 + t]! + n2[NEXT2 + t]! + mark[t]!;
      // PAIR_FEATURES: w-1|w, w|w+1, tr-1|art, sh-1|sh (unrolled: no arrays per token).
      const pKey = prev ? prev.key : edges.start;
      if (pKey >= 0 && e.key >= 0) addPair(out, row, emission, wPrev[pKey]?.get(e.key));
      const nKey = next ? next.key : edges.end;
      if (e.key >= 0 && nKey >= 0) addPair(out, row, emission, wNext[e.key]?.get(nKey));
      const pTrigger = prev ? prev.trigger : edges.start;
      if (pTrigger >= 0 && e.article >= 0) addPair(out, row, emission, trArt[pTrigger]?.get(e.article));
      const pShape = prev ? prev.shape : edges.start;
      if (pShape >= 0 && e.shape >= 0) addPair(out, row, emission, shShape[pShape]?.get(e.shape));
      if (extra) addRow(out, row, this.extraSums(extra[i]!), 0);
    }
    return out;
  }
}

function addRow(out: Float64Array, row: number, from: Float64Array, offset: number): void {
  for (let t = 0; t < TAG_COUNT; t++) out[row + t]! += from[offset + t]!;
}

function addPair(out: Float64Array, row: number, emission: Float32Array, base: number | undefined): void {
  if (base !== undefined) addWeights(out, row, emission, base);
}

function addWeights(out: Float64Array, row: number, emission: Float32Array, base: number): void {
  for (let t = 0; t < TAG_COUNT; t++) out[row + t]! += emission[base + t]!;
}

/** Tags token sequences with the shipped models: a first pass, then a second that sees the document. */
export class NerTagger {
  private readonly features = new NerFeatures(nerResources());
  private readonly codes = new ValueCodes();
  private readonly firstPass: Scorer;
  private readonly secondPass: Scorer;
  /** Entries of the words seen lately: news repeats its words, a stream of rare ones must not grow it for ever. */
  private readonly entries = new BoundedCache<string, Entry>(WORD_CACHE_SIZE);
  /** Small integer codes of phrase marks (undefined, past either end of the sentence, is «\u0000»). */
  private readonly markCodes = new Map<string, number>([['\u0000', 0]]);
  /** The codes of «<s>» and «</s>» as pair values. */
  private readonly edges: { readonly start: number; readonly end: number };

  constructor(first: Weights, second: Weights) {
    this.firstPass = new Scorer(first, this.features, this.codes);
    this.secondPass = new Scorer(second, this.features, this.codes);
    this.edges = { start: this.codes.of('<s>'), end: this.codes.of('</s>') };
  }

  private entry(w: string): Entry {
    let e = this.entries.get(w);
    if (!e) {
      const info = this.features.info(w);
      const parts = this.features.wordParts(w);
      const codes = this.codes;
      e = {
        info,
        sums: [this.firstPass.word(parts), this.secondPass.word(parts)],
        key: codes.of(info.key),
        trigger: codes.of(info.trigger),
        article: codes.of(info.article),
        shape: codes.of(info.shape),
      };
      this.entries.set(w, e);
    }
    return e;
  }

  private markCodesOf(marks: readonly string[]): Int32Array {
    const out = new Int32Array(marks.length);
    for (let i = 0; i < marks.length; i++) {
      const m = marks[i]!;
      let c = this.markCodes.get(m);
      if (c === undefined) {
        c = this.markCodes.size;
        if (c >= MARK_CODES) throw new Error(`NER: more than ${MARK_CODES} kinds of phrase mark`);
        this.markCodes.set(m, c);
      }
      out[i] = c;
    }
    return out;
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
    const codes = marks.map((m) => this.markCodesOf(m));
    const constraints = infos.map((is) => conjunctionConstraint(is));
    const first = this.firstPass;
    const firstTags = entries.map((es, k) => {
      const scores = first.scores(es, 0, marks[k]!, codes[k]!, this.edges);
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
      const scores = second.scores(es, 1, marks[k]!, codes[k]!, this.edges, history[k]);
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
