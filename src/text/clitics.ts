/**
 * Clitic segmentation: «وبالعراق» → و + ب + ال + عراق, «حربه» → حرب + ه.
 *
 * Conservative by design. A split is taken only when the corpus says so: the
 * stem left after removing a clitic must be a known word, and for the
 * ambiguous single-letter proclitics (و ف ب ك ل س) it must also be frequent
 * enough against the unsplit form, so «وزير», «بلد» and «كلام» stay whole
 * while «وقال», «بسبب» and «ستكون» split. Each clitic has its own threshold
 * because their base rates differ: و is everywhere, ك rarely attaches. Words
 * that the frequencies would still get wrong («ولي العهد», «كما») are listed
 * in data/lexicon/clitic-exceptions.tsv.
 *
 * Segmentation works on the form without diacritics; offsets are mapped back
 * to the surface token, so every segment is a span of the original text.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../data-path.ts';
import { ownString, WORD_CACHE_SIZE } from './bounded-cache.ts';
import { CHAR_CLASS, CLS_ARABIC_MARK, CLS_CONTROL } from './chars.ts';
import { type WordFrequencies, wordFrequencies } from './lexicon.ts';
import { dediacritise } from './normalize.ts';
import { WordTable } from './word-table.ts';

export type SegmentKind = 'proclitic' | 'stem' | 'enclitic';
/** conj و ف · prep ب ك ل · fut س · det ال · pron enclitic pronoun. */
export type SegmentRole = 'conj' | 'prep' | 'fut' | 'det' | 'pron' | 'stem';

export interface Segment {
  readonly kind: SegmentKind;
  readonly role: SegmentRole;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A segmentation as parts of the bare (undiacritised) form, lengths only. */
interface Part {
  readonly role: SegmentRole;
  readonly length: number;
}

/** Distinct segment shapes kept (there are a few thousand; the bound is for hostile input). */
const SHAPE_LIMIT = 50_000;

/** A stem must be at least this frequent (the lexicon's own floor). */
const MIN_STEM = 3;
/** How frequent a stem must be relative to the unsplit word, per clitic. */
const RATIO: Readonly<Record<string, number>> = {
  و: 0.3,
  ف: 4,
  ب: 1,
  ل: 1,
  ك: 5,
  س: 0.5,
  enclitic: 0.5,
  نا: 1,
};
/** A rare word splits only onto a stem at least this frequent. */
const RARE_WORD_STEM = 20;
/** How much more frequent a stem must be for the reading without a conjunction to win. */
const ALTERNATIVE_FACTOR = 5;
/** A stem seen this often is a common word in its own right… */
const COMMON_STEM = 100;
/** …and then needs only this share of the prefixed form's count to split «و». */
const COMMON_RATIO = 0.02;
const ENCLITICS = ['هما', 'هم', 'هن', 'ها', 'كم', 'نا', 'ه', 'ي'] as const;
const PRONOUNS_AFTER_PREPOSITION = new Set(['ه', 'ها', 'هم', 'هما', 'هن', 'كم', 'كما', 'كن', 'نا', 'ي']);
const FUTURE_PERSON_PREFIXES = new Set(['ي', 'ت', 'ن', 'أ']);
/**
 * Prepositions and particles that carry pronoun suffixes («منه» «عليها»
 * «أنهم» «لدينا» «عني»), as they stand before the suffix. Two-letter stems
 * are split only after these, and the suffix ي only after the smaller set of
 * prepositions: elsewhere a short stem or a final ي is far more often part of
 * a word, a nisba adjective or a name («أسهم» «نفسي» «المالكي»).
 */
const PARTICLES_TAKING_YEH = new Set([
  'من',
  'ان',
  'عن',
  'في',
  'علي',
  'إلي',
  'مع',
  'أن',
  'إن',
  'لأن',
  'لكن',
  'لدي',
  'عند',
  'بين',
  'أمام',
]);
const PARTICLE_STEMS = new Set([
  'من',
  'ان',
  'عن',
  'في',
  'علي',
  'إلي',
  'الي',
  'مع',
  'أن',
  'إن',
  'لأن',
  'كأن',
  'لكن',
  'لدي',
  'عند',
  'بين',
  'ضد',
  'دون',
  'حول',
  'نحو',
  'خلال',
  'أمام',
  'وراء',
  'بعد',
  'قبل',
  'فوق',
  'تحت',
  'غير',
  'بعض',
  'كل',
  'نفس',
  'ذات',
  'عبر',
  'لعل',
  'ليت',
  'مثل',
  'لدى',
  'حيال',
  'تجاه',
  'إزاء',
]);

/** A segment as a span relative to its word: what the cache holds and tokens share. */
export interface SegmentPart {
  readonly kind: SegmentKind;
  readonly role: SegmentRole;
  readonly start: number;
  readonly end: number;
}

export interface CliticSegmenter {
  /**
   * The segments of one surface word, relative to the word. Cached and shared
   * between every occurrence of the word: treat as read-only.
   */
  parts(word: string): readonly SegmentPart[];
  /** `parts(text.slice(start, end))`, without slicing when the word was seen before: the hot path. */
  partsAt(text: string, start: number, end: number): readonly SegmentPart[];
  /** The segments of one surface word (an Arabic token), as spans starting at `offset`, with their text. */
  segment(word: string, offset?: number): Segment[];
}

export function createSegmenter(
  freq: WordFrequencies,
  neverSplit: ReadonlySet<string>,
  cacheLimit = WORD_CACHE_SIZE,
): CliticSegmenter {
  const f = (form: string) => freq.count(form);
  const cache = new Map<string, readonly Part[]>();

  /** Frequency of a stem as it stands alone: a stem cut before an enclitic gets its ة / ى back. */
  function standaloneCount(stem: string, beforeEnclitic: boolean): number {
    let best = f(stem);
    if (beforeEnclitic) {
      const last = stem.charCodeAt(stem.length - 1);
      if (last === 0x062a /* ت */) best = Math.max(best, f(stem.slice(0, -1) + 'ة'));
      if (last === 0x064a /* ي */) best = Math.max(best, f(stem.slice(0, -1) + 'ى'));
      if (last === 0x0624 || last === 0x0626 /* ؤ ئ */) best = Math.max(best, f(stem.slice(0, -1) + 'ء'));
    }
    return best;
  }

  /**
   * Is X a plausible stem after the article («العراق» → عراق)? After another
   * proclitic the corpus must know it, which keeps foreign names such as
   * «كاليفورنيا» and «فالنسيا» whole; a bare article before an unseen stem of
   * three letters or more is still taken («البياتي»).
   */
  function articleStem(x: string, afterProclitic: boolean): boolean {
    if (x.length < 2 || neverSplit.has('ال' + x)) return false;
    // A two-letter stem after another proclitic needs real evidence: «لاليو» is a name.
    if (afterProclitic && x.length === 2) return f('ال' + x) >= RARE_WORD_STEM;
    if (f('ال' + x) >= MIN_STEM || f(x) >= MIN_STEM) return true;
    return !afterProclitic && x.length >= 3;
  }

  /** Stem with an optional enclitic pronoun. */
  function stemParts(w: string): Part[] {
    if (!neverSplit.has(w)) {
      const whole = f(w);
      for (const e of ENCLITICS) {
        if (w.length - e.length < 2 || !w.endsWith(e)) continue;
        const stem = w.slice(0, -e.length);
        if (e === 'ي' && !PARTICLES_TAKING_YEH.has(stem)) continue;
        if (!PARTICLE_STEMS.has(stem)) {
          if (stem.length < 3) continue;
          const n = standaloneCount(stem, true);
          if (n < MIN_STEM || n < (RATIO[e] ?? RATIO.enclitic!) * whole) continue;
        }
        return [
          { role: 'stem', length: stem.length },
          { role: 'pron', length: e.length },
        ];
      }
    }
    return [{ role: 'stem', length: w.length }];
  }

  /**
   * After an optional conjunction: preposition / future / article, then the
   * stem. `afterConj` asks for corpus support even for the bare article, so
   * «فالنسيا» is not read as ف + ال + نسيا.
   */
  function afterConjunction(w: string, afterConj = false): Part[] {
    if (neverSplit.has(w)) return [{ role: 'stem', length: w.length }];
    const p = w[0]!;
    // ل + ال with the alef dropped: «للحكومة» → ل + ل + حكومة
    if (p === 'ل' && w.startsWith('لل') && w.length >= 4 && articleStem(w.slice(2), true)) {
      return [
        { role: 'prep', length: 1 },
        { role: 'det', length: 1 },
        { role: 'stem', length: w.length - 2 },
      ];
    }
    if (
      (p === 'ب' || p === 'ك' || p === 'ل') &&
      w.startsWith('ال', 1) &&
      w.length >= 5 &&
      articleStem(w.slice(3), true)
    ) {
      return [
        { role: 'prep', length: 1 },
        { role: 'det', length: 2 },
        { role: 'stem', length: w.length - 3 },
      ];
    }
    // A preposition carrying only a pronoun: «له» «بها» «لهم» «بي»
    if ((p === 'ب' || p === 'ل') && PRONOUNS_AFTER_PREPOSITION.has(w.slice(1))) {
      return [
        { role: 'stem', length: 1 },
        { role: 'pron', length: w.length - 1 },
      ];
    }
    const whole = f(w);
    if ((p === 'ب' || p === 'ك' || p === 'ل') && w.length >= 4) {
      const rest = w.slice(1);
      // «كلها» is كل + ها, not ك + لها: a preposition never takes another preposition's pronoun form.
      const restIsPrepPronoun =
        (rest[0] === 'ل' || rest[0] === 'ب') && PRONOUNS_AFTER_PREPOSITION.has(rest.slice(1));
      // A noun after ب/ل is indefinite, but its article form is evidence too: «بإعدام» (124) is
      // ب + «إعدام» (117 bare, 309 as «الإعدام»).
      if (!restIsPrepPronoun && supportedRest(rest, whole, RATIO[p]!, false, p !== 'ك'))
        return [{ role: 'prep', length: 1 }, ...stemParts(rest)];
    }
    if (p === 'س' && w.length >= 4 && FUTURE_PERSON_PREFIXES.has(w[1]!)) {
      const rest = w.slice(1);
      if (supportedRest(rest, whole, RATIO.س!)) return [{ role: 'fut', length: 1 }, ...stemParts(rest)];
    }
    if (w.startsWith('ال') && w.length >= 4 && articleStem(w.slice(2), afterConj) && !isHamzaAlefWord(w)) {
      return [
        { role: 'det', length: 2 },
        { role: 'stem', length: w.length - 2 },
      ];
    }
    return stemParts(w);
  }

  /** «الف» is «ألف» without its hamza, not ال + ف: trust the spelling the corpus prefers. */
  function isHamzaAlefWord(w: string): boolean {
    return f('أ' + w.slice(1)) > f(w);
  }

  /**
   * Is `rest` (the word minus a proclitic) a word in its own right, often enough?
   * `common` lowers the bar for a stem that is itself a common word: narrative
   * verbs nearly always carry their و («وأضاف» 8,811 times, «أضاف» 439).
   */
  function supportedRest(rest: string, whole: number, ratio: number, common = false, noun = false): boolean {
    const n = f(rest) + (noun && !rest.startsWith('ال') ? f(`ال${rest}`) : 0);
    if (n >= MIN_STEM && n >= ratio * whole) return true;
    if (common && n >= COMMON_STEM && n >= COMMON_RATIO * whole) return true;
    if (whole >= MIN_STEM) return false;
    // Neither form is common: accept when the rest decomposes into a well-attested stem
    // (a rare word is more often a foreign name than a clitic on a rare stem: «لاليو»).
    const parts = afterConjunction(rest);
    if (parts.length === 1) return false;
    const stem = stemOf(rest, parts);
    return stem.length >= 3 && standaloneCount(stem, true) >= RARE_WORD_STEM;
  }

  /** The stem's letters within a segmented word. */
  function stemOf(w: string, parts: readonly Part[]): string {
    let at = 0;
    for (const part of parts) {
      if (part.role === 'stem') return w.slice(at, at + part.length);
      at += part.length;
    }
    return w;
  }

  function analyse(w: string): readonly Part[] {
    const cached = cache.get(w);
    if (cached) return cached;
    let parts: Part[];
    const p = w[0];
    if ((p === 'و' || p === 'ف') && w.length >= 3 && !neverSplit.has(w)) {
      const rest = w.slice(1);
      const restParts = afterConjunction(rest, true);
      const ok =
        PRONOUNS_AFTER_PREPOSITION.has(rest) || // «وهم» «فهي» are و + pronoun…
        rest === 'هو' ||
        rest === 'هي' ||
        // و before an article or the future prefix is itself a clitic: «وبالتالي» «وسيكون».
        // (ف is rarer and starts more foreign names, «فالكون»: it must earn its split.)
        (p === 'و' && restParts.some((part) => part.role === 'det' || part.role === 'fut')) ||
        supportedRest(rest, f(w), RATIO[p]!, p === 'و');
      parts = ok ? [{ role: 'conj', length: 1 }, ...restParts] : afterConjunction(w);
      // «وزارتها» is وزارة + ها, not و + زارتها: when reading the و as part of the word leaves a
      // pronoun on a much more frequent stem, that reading wins.
      if (ok) {
        const alt = afterConjunction(w);
        if (alt.some((x) => x.role === 'pron')) {
          const altStem = standaloneCount(stemOf(w, alt), true);
          const conjStem = standaloneCount(stemOf(rest, restParts), true);
          if (altStem >= ALTERNATIVE_FACTOR * Math.max(conjStem, 1)) parts = alt;
        }
      }
    } else {
      parts = afterConjunction(w);
    }
    parts = internParts(parts) as Part[];
    if (cache.size >= cacheLimit) cache.clear();
    cache.set(ownString(w), parts);
    return parts;
  }

  const surfaceCache = new WordTable<readonly SegmentPart[]>(4096);
  // Most words share their shape with many others («وال» + a stem of five letters): one frozen
  // array per shape, not one per word, keeps the caches a fraction of their size.
  const partShapes = new Map<string, readonly Part[]>();
  const segmentShapes = new Map<string, readonly SegmentPart[]>();
  function internParts(parts: readonly Part[]): readonly Part[] {
    let key = '';
    for (const p of parts) key += `${p.role}${p.length},`;
    let hit = partShapes.get(key);
    if (!hit) {
      if (partShapes.size >= SHAPE_LIMIT) partShapes.clear();
      hit = Object.freeze(parts.map((p) => Object.freeze({ role: p.role, length: p.length })));
      partShapes.set(key, hit);
    }
    return hit;
  }
  function internSegments(parts: readonly SegmentPart[]): readonly SegmentPart[] {
    let key = '';
    for (const p of parts) key += `${p.role}${p.start}-${p.end},`;
    let hit = segmentShapes.get(key);
    if (!hit) {
      if (segmentShapes.size >= SHAPE_LIMIT) segmentShapes.clear();
      hit = Object.freeze(parts.map((p) => Object.freeze({ ...p })));
      segmentShapes.set(key, hit);
    }
    return hit;
  }
  const hasMarks = (w: string) => {
    for (let i = 0; i < w.length; i++) {
      const cls = CHAR_CLASS[w.charCodeAt(i)];
      if (cls === CLS_ARABIC_MARK || cls === CLS_CONTROL) return true;
    }
    return false;
  };

  function computeParts(word: string): readonly SegmentPart[] {
    const marked = hasMarks(word);
    const view = marked ? dediacritise(word) : null;
    const bare = view ? view.text : word;
    if (bare.length === 0)
      return Object.freeze([Object.freeze({ kind: 'stem', role: 'stem', start: 0, end: word.length })]);
    const parts = analyse(bare);
    const out: SegmentPart[] = [];
    let at = 0;
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k]!;
      const [s, e] = view ? view.toSource(at, at + part.length) : [at, at + part.length];
      // The first and last segments reach the word's edges, so marks before or after stay covered;
      // inner boundaries follow the next segment's start, so segments are contiguous.
      out.push({
        kind: part.role === 'stem' ? 'stem' : part.role === 'pron' ? 'enclitic' : 'proclitic',
        role: part.role,
        start: k === 0 ? 0 : s,
        end: k === parts.length - 1 ? word.length : e,
      });
      at += part.length;
    }
    for (let k = 1; k < out.length; k++) {
      if (out[k - 1]!.end !== out[k]!.start) out[k - 1] = { ...out[k - 1]!, end: out[k]!.start };
    }
    return internSegments(out);
  }

  function partsAt(text: string, start: number, end: number): readonly SegmentPart[] {
    let p = surfaceCache.get(text, start, end);
    if (p === undefined) {
      const word = text.slice(start, end);
      p = computeParts(word);
      if (surfaceCache.size >= cacheLimit) surfaceCache.clear();
      surfaceCache.set(word, p);
    }
    return p;
  }
  const parts = (word: string) => partsAt(word, 0, word.length);

  return {
    parts,
    partsAt,
    segment(word: string, offset = 0): Segment[] {
      return parts(word).map((p) => ({
        kind: p.kind,
        role: p.role,
        start: offset + p.start,
        end: offset + p.end,
        text: word.slice(p.start, p.end),
      }));
    },
  };
}

/** Parse the exceptions file: one word per line (after `#` comments), tab-separated reason ignored. */
export function parseExceptions(tsv: string): Set<string> {
  const out = new Set<string>();
  for (const line of tsv.split('\n')) {
    const word = line.split('\t')[0]!.trim();
    if (word && !word.startsWith('#')) out.add(word);
  }
  return out;
}

let shared: CliticSegmenter | null = null;
/** The segmenter over the shipped lexicon and exceptions. */
export function cliticSegmenter(): CliticSegmenter {
  shared ??= createSegmenter(
    wordFrequencies(),
    parseExceptions(readFileSync(dataPath('lexicon/clitic-exceptions.tsv'), 'utf8')),
  );
  return shared;
}
