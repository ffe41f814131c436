/**
 * Features of each token for the named-entity tagger, over the text core:
 * the search form, the clitic segments (which proclitics, the stem, an
 * enclitic pronoun), affixes of the stem, character shape, how often the
 * corpus writes the stem bare or with the article (Arabic has no capital
 * letters; «العراق» is almost never bare, a person's name almost never takes
 * the article), gazetteer membership of the word and of phrases through it,
 * trigger words (titles, organisation heads, place heads) around it, the
 * word's distributional cluster, and the same for the neighbouring words.
 *
 * Feature strings are built per token and looked up in the model; a word's
 * own properties are computed once per surface form and cached.
 */
import { actorTable } from '../actors/actors.ts';
import { readTsv } from '../data-path.ts';
import { gazetteer } from '../places/gazetteer.ts';
import { BoundedCache, WORD_CACHE_SIZE } from '../text/bounded-cache.ts';
import { type CliticSegmenter, cliticSegmenter } from '../text/clitics.ts';
import { type WordFrequencies, wordFrequencies } from '../text/lexicon.ts';
import { foldKey } from '../text/normalize.ts';
import { wordPrefixes } from '../text/phrases.ts';
import { TAG_COUNT, tagIndex } from './tags.ts';

/** Word lists the features consult, by search-form key. */
export interface NerResources {
  /** Names by type bits (PER 1, LOC 2, ORG 4): single words and whole phrases. */
  readonly names: ReadonlyMap<string, number>;
  /** The longest name phrase in `names`, in words. */
  readonly longestName: number;
  /** Every proper prefix (in words) of a name phrase: a phrase lookup stops where none continues. */
  readonly namePrefixes: ReadonlySet<string>;
  /** Trigger words: person titles («الرئيس», «وزير»), organisation heads («وزارة», «حزب»), place heads («مدينة», «محافظة»). */
  readonly triggers: ReadonlyMap<string, string>;
  /** Distributional word classes (data/ner/clusters.tsv): key → "c64:c256". */
  readonly clusters: ReadonlyMap<string, string>;
  /** Classes of stems (clitics off): stem → class. */
  readonly stemClusters: ReadonlyMap<string, string>;
  readonly freq: WordFrequencies;
  readonly segmenter: CliticSegmenter;
}

const PER = 1;
const LOC = 2;
const ORG = 4;
const TYPE_BITS: Record<string, number> = { PER, LOC, ORG };
/** History features shared by every token they fit (callers only read feature lists). */
const NONE: readonly string[] = ['h=none'];
const ONLY_O: readonly string[] = ['h=O'];
/** History features by the type most often given (PER, ORG, LOC, MISC) and the share of named uses (most, some, few). */
const HISTORY: readonly (readonly (readonly string[])[])[] = ['PER', 'ORG', 'LOC', 'MISC'].map((type) =>
  ['most', 'some', 'few'].map((share) => [`h=${type}`, `h=${type}|${share}`]),
);

/** What a word contributes, independent of its neighbours. */
export interface WordInfo {
  /** Search form of the whole token. */
  readonly key: string;
  /** Search form of the stem, without proclitics and pronoun. */
  readonly stem: string;
  /** The proclitic roles, joined («conj+prep+det»), or "". */
  readonly pre: string;
  /** Opens with the conjunction «و» or «ف» (pre starts with "conj"). */
  readonly conj: boolean;
  readonly pron: boolean;
  readonly definite: boolean;
  readonly shape: string;
  /** Bucketed corpus frequency of the stem as a bare word. */
  readonly freq: string;
  /** How the corpus writes the stem: mostly with the article, mostly bare, either, or unseen. */
  readonly article: string;
  /** Gazetteer type bits of the word alone (its key, its stem, the stem with the article). */
  readonly gaz: number;
  readonly trigger: string;
  readonly cluster: string;
  /** The stem's class among stems (data/ner/stem-clusters.tsv), or "". */
  readonly stemCluster: string;
}

function shapeOf(word: string): string {
  let s = '';
  for (const ch of word) {
    const c = ch.codePointAt(0)!;
    const k =
      c >= 0x0600 && c <= 0x06ff
        ? 'a'
        : (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)
          ? 'l'
          : (c >= 0x30 && c <= 0x39) || (c >= 0x660 && c <= 0x669)
            ? 'd'
            : 'p';
    if (!s.endsWith(k)) s += k;
  }
  return s.length > 4 ? s.slice(0, 4) : s;
}

function bucket(n: number): string {
  if (n === 0) return '0';
  if (n < 5) return '1';
  if (n < 30) return '2';
  if (n < 200) return '3';
  if (n < 2000) return '4';
  return '5';
}

export class NerFeatures {
  private readonly cache = new BoundedCache<string, WordInfo>(WORD_CACHE_SIZE);

  constructor(private readonly res: NerResources) {}

  info(word: string): WordInfo {
    const hit = this.cache.get(word);
    if (hit) return hit;
    const res = this.res;
    const key = foldKey(word);
    const arabic = /[\u0621-\u064a]/.test(word);
    let stem = key;
    let pre = '';
    let pron = false;
    let definite = false;
    let bareStem = word;
    if (arabic) {
      const parts = res.segmenter.parts(word);
      const preRoles: string[] = [];
      for (const p of parts) {
        if (p.role === 'stem') {
          stem = foldKey(word.slice(p.start, p.end));
          bareStem = word.slice(p.start, p.end);
        } else if (p.role === 'pron') pron = true;
        else {
          preRoles.push(p.role);
          if (p.role === 'det') definite = true;
        }
      }
      pre = preRoles.join('+');
    }
    const bare = arabic ? res.freq.count(bareStem) : 0;
    const withArticle = arabic ? res.freq.count(`ال${bareStem}`) : 0;
    const article =
      bare + withArticle < 5
        ? 'rare'
        : withArticle > 4 * bare
          ? 'def'
          : bare > 4 * withArticle
            ? 'bare'
            : 'both';
    const gaz = (res.names.get(key) ?? 0) | (res.names.get(stem) ?? 0) | (res.names.get(`ال${stem}`) ?? 0);
    const info: WordInfo = {
      key,
      stem,
      pre,
      conj: pre.startsWith('conj'),
      pron,
      definite,
      shape: shapeOf(word),
      freq: bucket(bare),
      article,
      gaz,
      trigger: res.triggers.get(stem) ?? res.triggers.get(key) ?? '',
      cluster: res.clusters.get(key) ?? res.clusters.get(stem) ?? '',
      stemCluster: res.stemClusters.get(stem) ?? '',
    };
    this.cache.set(word, info);
    return info;
  }

  /**
   * Gazetteer phrases covering each token: for token i, "B-LOC" when a listed
   * LOC phrase of two words or more starts there, "I-LOC" inside one.
   */
  phraseMarks(infos: readonly WordInfo[]): string[] {
    const res = this.res;
    const marks = new Array<string>(infos.length).fill('');
    for (let i = 0; i < infos.length; i++) {
      let best = 0;
      let bits = 0;
      let key = infos[i]!.key;
      for (let n = 2; n <= res.longestName && i + n <= infos.length; n++) {
        if (!res.namePrefixes.has(key)) break;
        key += ` ${infos[i + n - 1]!.key}`;
        const b = res.names.get(key);
        if (b) {
          best = n;
          bits = b;
        }
      }
      if (!best) continue;
      const type = bits & LOC ? 'LOC' : bits & ORG ? 'ORG' : 'PER';
      marks[i] ||= `B-${type}`;
      for (let k = i + 1; k < i + best; k++) marks[k] ||= `I-${type}`;
    }
    return marks;
  }

  /**
   * Document-level features for a second pass: how a first pass tagged the
   * same stem elsewhere in the document (within `window` sentences either
   * side), since a name keeps its type through an article — «ليبرمان» alone
   * after «أفيغدور ليبرمان» — and the first mention is often the clearest.
   * `tags` holds the first pass's tag indices (0 = O; odd = B-, even = I-).
   */
  history(
    sentences: readonly (readonly string[])[],
    tags: readonly (readonly number[])[],
    window: number,
  ): (readonly string[])[][] {
    return this.historyOfStems(
      sentences.map((ws) => ws.map((w) => this.info(w).stem)),
      tags,
      window,
    );
  }

  /** `history` over the words' stems (a tagger that holds them already saves the lookups). */
  historyOfStems(
    stems: readonly (readonly string[])[],
    tags: readonly (readonly number[])[],
    window: number,
  ): (readonly string[])[][] {
    // Stems as small integers, and per stem a running count of its tags [O, PER, ORG, LOC, MISC]
    // over the window: typed arrays, no map or array per sentence.
    const codes = new Map<string, number>();
    const coded = stems.map((ss) =>
      Int32Array.from(ss, (stem) => {
        let c = codes.get(stem);
        if (c === undefined) {
          c = codes.size;
          codes.set(stem, c);
        }
        return c;
      }),
    );
    const typeSlot = (t: number) => (t === 0 ? 0 : ((t - 1) >> 1) + 1);
    const running = new Int32Array(codes.size * 5);
    const shift = (j: number, sign: number) => {
      const cs = coded[j]!;
      const ts = tags[j]!;
      for (let i = 0; i < cs.length; i++) running[cs[i]! * 5 + typeSlot(ts[i]!)]! += sign;
    };
    for (let j = 0; j <= Math.min(window, stems.length - 1); j++) shift(j, 1);
    const total = new Int32Array(5);
    return coded.map((cs, k) => {
      if (k > 0) {
        if (k + window < stems.length) shift(k + window, 1);
        if (k - window - 1 >= 0) shift(k - window - 1, -1);
      }
      const ts = tags[k]!;
      const out = new Array<readonly string[]>(cs.length);
      for (let i = 0; i < cs.length; i++) {
        // The running counts less the token itself.
        const base = cs[i]! * 5;
        for (let t = 0; t < 5; t++) total[t] = running[base + t]!;
        total[typeSlot(ts[i]!)]!--;
        const named = total[1]! + total[2]! + total[3]! + total[4]!;
        if (named + total[0]! === 0) out[i] = NONE;
        else if (named === 0) out[i] = ONLY_O;
        else {
          let best = 1;
          for (let t = 2; t < 5; t++) if (total[t]! > total[best]!) best = t;
          const share = named / (named + total[0]!);
          out[i] = HISTORY[best - 1]![share > 0.66 ? 0 : share > 0.33 ? 1 : 2]!;
        }
      }
      return out;
    });
  }

  /**
   * The features a word gives by itself, and as a neighbour at each offset.
   * They depend on the word's spelling alone, so a tagger can cache them
   * (as feature ids) per word; `sentence` is built from them, so the cached
   * and the plain paths give the same features.
   */
  wordParts(word: string): WordParts {
    const w = this.info(word);
    const s = w.stem;
    const own = [
      'b',
      `w=${w.key}`,
      `s=${s}`,
      `pre=${w.pre}`,
      `pron=${w.pron}`,
      `sh=${w.shape}`,
      `fq=${w.freq}`,
      `art=${w.article}`,
      `art|pre=${w.article}|${w.definite}`,
      `s3=${s.slice(-3)}`,
      `s2=${s.slice(-2)}`,
      `s1=${s.slice(-1)}`,
      `p2=${s.slice(0, 2)}`,
      `p3=${s.slice(0, 3)}`,
      `len=${Math.min(s.length, 8)}`,
      `g=${w.gaz}`,
      `tr=${w.trigger}`,
    ];
    // Letter trigrams of the stem: foreign names have their own spelling («ـسكي», «غر», «يه»).
    const padded = `^${s}$`;
    for (let k = 0; k + 3 <= padded.length; k++) own.push(`t3=${padded.slice(k, k + 3)}`);
    if (w.cluster) {
      const [c64, c256, c1024] = w.cluster.split(':');
      own.push(`c64=${c64}`, `c256=${c256}`);
      if (c1024) own.push(`c1024=${c1024}`);
    } else own.push('c=none');
    own.push(`cs=${w.stemCluster}`);
    const c256 = w.cluster.split(':')[1];
    return {
      own,
      prev1: [
        `w-1=${w.key}`,
        `s-1=${s}`,
        `tr-1=${w.trigger}`,
        `g-1=${w.gaz}`,
        `art-1=${w.article}`,
        `c-1=${c256}`,
        `cs-1=${w.stemCluster}`,
      ],
      next1: [
        `w+1=${w.key}`,
        `s+1=${s}`,
        `tr+1=${w.trigger}`,
        `g+1=${w.gaz}`,
        `art+1=${w.article}`,
        `pre+1=${w.pre}`,
        `c+1=${c256}`,
        `cs+1=${w.stemCluster}`,
      ],
      prev2: [`w-2=${w.key}`, `tr-2=${w.trigger}`],
      next2: [`w+2=${w.key}`],
    };
  }

  /**
   * Features of token i that join it with a neighbour, as the two values of
   * each of PAIR_FEATURES, in order: not cacheable per word, but per pair.
   */
  pairValues(words: readonly string[], i: number): [string, string][] {
    const w = this.info(words[i]!);
    const p1 = i > 0 ? this.info(words[i - 1]!) : null;
    const n1 = i + 1 < words.length ? this.info(words[i + 1]!) : null;
    return [
      [p1 ? p1.key : '<s>', w.key],
      [w.key, n1 ? n1.key : '</s>'],
      [p1 ? p1.trigger : '<s>', w.article],
      [p1 ? p1.shape : '<s>', w.shape],
    ];
  }

  pairFeatures(words: readonly string[], i: number): string[] {
    return this.pairValues(words, i).map(([a, b], k) => `${PAIR_FEATURES[k]}=${a}|${b}`);
  }

  /** Features of token i from the phrase marks around it (few values: a tagger caches them). */
  markFeatures(marks: readonly string[], i: number): string[] {
    return [
      `ph=${marks[i]}`,
      `ph-1=${i > 0 ? marks[i - 1] : '<s>'}`,
      `ph+1=${i + 1 < marks.length ? marks[i + 1] : '</s>'}`,
    ];
  }

  /** Gazetteer phrase marks of a sentence's words (see phraseMarks). */
  marks(words: readonly string[]): string[] {
    return this.phraseMarks(words.map((w) => this.info(w)));
  }

  /** Feature strings for every token of one sentence. */
  sentence(words: readonly string[]): string[][] {
    const marks = this.marks(words);
    const parts = words.map((w) => this.wordParts(w));
    const n = words.length;
    const out: string[][] = [];
    for (let i = 0; i < n; i++) {
      out.push([
        ...parts[i]!.own,
        ...(i > 0 ? parts[i - 1]!.prev1 : BOUNDARY.prev1),
        ...(i > 1 ? parts[i - 2]!.prev2 : BOUNDARY.prev2),
        ...(i + 1 < n ? parts[i + 1]!.next1 : BOUNDARY.next1),
        ...(i + 2 < n ? parts[i + 2]!.next2 : BOUNDARY.next2),
        ...this.markFeatures(marks, i),
        ...this.pairFeatures(words, i),
      ]);
    }
    return out;
  }
}

/** A word's features by itself (`own`) and as the word 1 or 2 before or after another. */
export interface WordParts {
  readonly own: readonly string[];
  readonly prev1: readonly string[];
  readonly next1: readonly string[];
  readonly prev2: readonly string[];
  readonly next2: readonly string[];
}

/** The names of the features `pairValues` gives the values of. */
export const PAIR_FEATURES = ['w-1|w', 'w|w+1', 'tr-1|art', 'sh-1|sh'] as const;

/** The neighbour features past either end of a sentence. */
export const BOUNDARY: Omit<WordParts, 'own'> = {
  prev1: ['w-1=<s>', 's-1=<s>', 'tr-1=<s>', 'g-1=<s>', 'art-1=<s>', 'c-1=<s>', 'cs-1=<s>'],
  next1: [
    'w+1=</s>',
    's+1=</s>',
    'tr+1=</s>',
    'g+1=</s>',
    'art+1=</s>',
    'pre+1=</s>',
    'c+1=</s>',
    'cs+1=</s>',
  ],
  prev2: ['w-2=<s>', 'tr-2=<s>'],
  next2: ['w+2=</s>'],
};

const I_PER = tagIndex('I-PER');
const I_LOC = tagIndex('I-LOC');

/**
 * A word opening with the conjunction «و» begins a new person or place, it
 * does not continue one: «روبي وجون» is two people, «ستوكهولم وأوسلو» two
 * cities. In ANERcorp's training split such a word after a PER is B-PER 133
 * times and I-PER 8; after a LOC, B-LOC 233 times and I-LOC 10 (organisations
 * and MISC names do hold «و»: «منظمة الأمن والتعاون»). Applied to emission
 * scores before decoding.
 */
export function conjunctionConstraint(infos: readonly WordInfo[]): (scores: Float64Array) => void {
  return (scores) => {
    for (let i = 0; i < infos.length; i++) {
      if (!infos[i]!.conj) continue;
      scores[i * TAG_COUNT + I_PER] = Number.NEGATIVE_INFINITY;
      scores[i * TAG_COUNT + I_LOC] = Number.NEGATIVE_INFINITY;
    }
  };
}

let shared: NerResources | null = null;

/** The shipped word lists: ANERgazet, the gazetteer's place names, titles and heads, clusters. */
export function nerResources(): NerResources {
  if (shared) return shared;
  const names = new Map<string, number>();
  let longest = 1;
  const addName = (name: string, type: string) => {
    const key = foldKey(name);
    if (!key) return;
    names.set(key, (names.get(key) ?? 0) | (TYPE_BITS[type] ?? 0));
    longest = Math.max(longest, key.split(' ').length);
  };
  for (const [name, type] of readTsv('ner/anergazet.tsv')) addName(name!, type!);
  // Place names of the gazetteer; actors (people, states as places, the rest organisations);
  // outlets; and given names the ANT corpus puts after a person's title (never ANERcorp's tags,
  // so the feature means the same in training as on new text).
  // Measured on 4-fold cross-validation over ANERcorp's training file: GeoNames' 9,000 city
  // names cost more than they gave (common words such as «النصر», «الأمل» are towns), so only
  // the hand-curated countries, regions and places count; a given name needs at least 15% of
  // its corpus occurrences after a title.
  for (const place of gazetteer().entries)
    if (!place.id.startsWith('g:')) for (const n of place.names) addName(n, 'LOC');
  for (const [name, actor] of actorTable().names())
    addName(name, actor.kind === 'person' ? 'PER' : actor.kind === 'state' ? 'LOC' : 'ORG');
  for (const row of readTsv('lexicon/outlets.tsv'))
    for (const n of [row[0]!, ...row[1]!.split('|')])
      addName(n.replace(/\*$/, '').replace(/["«»“”]/g, ''), 'ORG');
  for (const [word, , , afterTitle, total] of readTsv('lexicon/person-names.tsv'))
    if (Number(afterTitle) >= 3 && Number(afterTitle) >= 0.15 * Number(total)) addName(word!, 'PER');
  const triggers = new Map<string, string>();
  for (const [w] of readTsv('lexicon/person-titles.tsv')) triggers.set(foldKey(w!), 'title');
  for (const [w] of readTsv('lexicon/org-heads.tsv')) triggers.set(foldKey(w!), 'org');
  for (const [w] of readTsv('lexicon/group-heads.tsv'))
    if (!triggers.has(foldKey(w!))) triggers.set(foldKey(w!), 'group');
  for (const [w] of readTsv('ner/place-heads.tsv')) triggers.set(foldKey(w!), 'place');
  // Reporting verbs in every form: a name often follows («وقال ليبرمان»).
  for (const [form, , slot] of readTsv('lexicon/reporting-cues.tsv'))
    if (!triggers.has(foldKey(form!))) triggers.set(foldKey(form!), slot === 'participle' ? 'part' : 'verb');
  const clusters = new Map<string, string>();
  for (const [form, ...classes] of readTsv('ner/clusters.tsv')) clusters.set(form!, classes.join(':'));
  const stemClusters = new Map<string, string>();
  for (const [stem, c] of readTsv('ner/stem-clusters.tsv')) stemClusters.set(stem!, c!);
  shared = {
    names,
    longestName: Math.min(longest, 6),
    namePrefixes: new Set([...names.keys()].flatMap(wordPrefixes)),
    triggers,
    clusters,
    stemClusters,
    freq: wordFrequencies(),
    segmenter: cliticSegmenter(),
  };
  return shared;
}
