/**
 * Normalisation as a view, never an edit.
 *
 * A view is a new string derived from the source text plus an offset map back
 * to it, so anything found in the view (a token, a match, a search hit) can
 * be reported as a span of the original. Changes that keep the length (letter
 * and digit folds) need no map at all; only deletions (diacritics, tatweel,
 * controls) and expansions (presentation-form ligatures) shift offsets, and
 * only then is a map built.
 */
import { BoundedCache, WORD_CACHE_SIZE } from './bounded-cache.ts';
import {
  digitValue,
  isDiacritic,
  isFormatControl,
  isPresentationForm,
  LETTER_FOLDS,
  presentationFormExpansion,
  TATWEEL,
} from './chars.ts';

export interface NormalizeOptions {
  /** Remove harakat, tanween, shadda, sukun and Quranic marks. */
  readonly diacritics?: boolean;
  /** Remove tatweel (kashida). */
  readonly tatweel?: boolean;
  /** Fold alef/yeh/teh-marbuta/hamza variants (see chars.LETTER_FOLDS). */
  readonly letters?: boolean;
  /** Arabic-Indic and Eastern digits (and the Arabic decimal/thousands marks) to ASCII. */
  readonly digits?: boolean;
  /** Remove bidi, zero-width and other invisible formatting controls. */
  readonly controls?: boolean;
  /** Expand presentation forms (U+FB50–FDFF, U+FE70–FEFC) into plain letters. */
  readonly presentation?: boolean;
  /** ASCII A–Z to a–z. */
  readonly lowercase?: boolean;
}

/** Everything on: the form used for matching and search. */
export const SEARCH_FORM: NormalizeOptions = Object.freeze({
  diacritics: true,
  tatweel: true,
  letters: true,
  digits: true,
  controls: true,
  presentation: true,
  lowercase: true,
});

export interface View {
  /** The normalised string. */
  readonly text: string;
  /** The text it was derived from. */
  readonly source: string;
  /** True when offsets in the view equal offsets in the source. */
  readonly identityOffsets: boolean;
  /** The source span that produced view span [start, end). */
  toSource(start: number, end: number): [number, number];
  /** The view offset corresponding to source offset `i` (the next view unit at or after it). */
  toView(i: number): number;
}

// Fold tables over the Arabic block, filled once: 0 means "unchanged".
const FOLD_TABLE = new Uint16Array(0x700);
for (const [from, to] of LETTER_FOLDS) if (from < 0x700) FOLD_TABLE[from] = to;

function foldLetter(c: number): number {
  if (c < 0x700) return FOLD_TABLE[c] || c;
  return LETTER_FOLDS.get(c) ?? c;
}

function foldDigit(c: number): number {
  if (c < 0x660) return c;
  const v = digitValue(c);
  if (v >= 0) return 0x30 + v;
  if (c === 0x066b) return 0x2e; // ٫ Arabic decimal separator → .
  if (c === 0x066c) return 0x2c; // ٬ Arabic thousands separator → ,
  if (c === 0x066a) return 0x25; // ٪ → %
  return c;
}

const DROP = -1;
const DROP_ABSORBED = -2; // dropped, and the span of the preceding kept unit grows over it

/** What one code unit becomes under the options: a code unit, or a drop marker. */
function mapUnitSlow(c: number, o: NormalizeOptions): number {
  if (o.controls && isFormatControl(c)) return DROP;
  if (o.diacritics && isDiacritic(c)) return DROP_ABSORBED;
  if (o.tatweel && c === TATWEEL) return DROP_ABSORBED;
  let r = c;
  if (o.letters) r = foldLetter(r);
  if (o.digits) r = foldDigit(r);
  if (o.lowercase && r >= 0x41 && r <= 0x5a) r += 0x20;
  return r;
}

// One lookup table per combination of options, built on first use: the hot loops do a
// single typed-array read per code unit instead of a chain of tests.
const tables = new Map<number, Int32Array>();
function tableFor(o: NormalizeOptions): Int32Array {
  const key =
    (o.diacritics ? 1 : 0) |
    (o.tatweel ? 2 : 0) |
    (o.letters ? 4 : 0) |
    (o.digits ? 8 : 0) |
    (o.controls ? 16 : 0) |
    (o.lowercase ? 32 : 0);
  let t = tables.get(key);
  if (!t) {
    t = new Int32Array(0x10000);
    for (let c = 0; c < 0x10000; c++) t[c] = mapUnitSlow(c, o);
    tables.set(key, t);
  }
  return t;
}

/** Does `c` expand into plain letters under these options (a presentation-form ligature)? */
const expands = (c: number, o: NormalizeOptions): boolean =>
  o.presentation === true &&
  c >= 0xfb50 &&
  isPresentationForm(c) &&
  presentationFormExpansion(c) !== undefined;

class IdentityView implements View {
  readonly identityOffsets = true;
  constructor(
    readonly text: string,
    readonly source: string,
  ) {}
  toSource(start: number, end: number): [number, number] {
    return [start, end];
  }
  toView(i: number): number {
    return i;
  }
}

/**
 * A view whose length differs from its source. The string is built eagerly;
 * the offset maps only when first asked for, because many callers (search
 * indexing, lexicon keys) want the string alone.
 */
class MappedView implements View {
  readonly identityOffsets = false;
  private maps: Pass | null = null;
  constructor(
    readonly text: string,
    readonly source: string,
    private readonly options: NormalizeOptions,
  ) {}
  private map(): Pass {
    this.maps ??= runPass(this.source, this.options, true);
    return this.maps;
  }
  toSource(start: number, end: number): [number, number] {
    const n = this.text.length;
    if (start < 0 || end > n || start > end)
      throw new RangeError(`view span [${start}, ${end}) outside 0..${n}`);
    const { srcStart, srcEnd } = this.map();
    if (start === end) {
      const p = start < n ? srcStart![start]! : this.source.length;
      return [p, p];
    }
    return [srcStart![start]!, srcEnd![end - 1]!];
  }
  toView(i: number): number {
    if (i < 0 || i > this.source.length)
      throw new RangeError(`source offset ${i} outside 0..${this.source.length}`);
    return this.map().viewAt![i]!;
  }
}

interface Pass {
  readonly units: Uint16Array;
  readonly len: number;
  readonly srcStart?: Int32Array;
  readonly srcEnd?: Int32Array;
  readonly viewAt?: Int32Array;
}

/** One pass over the source: the view's code units and, when asked, the offset maps. */
function runPass(text: string, options: NormalizeOptions, withMaps: boolean): Pass {
  const n = text.length;
  const table = tableFor(options);
  // Buffers grow only for presentation-form expansions (one unit can become up to 18).
  let cap = n + 16;
  let units = new Uint16Array(cap);
  let srcStart = withMaps ? new Int32Array(cap) : null;
  let srcEnd = withMaps ? new Int32Array(cap) : null;
  const viewAt = withMaps ? new Int32Array(n + 1) : null;
  let len = 0;
  const ensure = (need: number) => {
    if (need <= cap) return;
    while (cap < need) cap *= 2;
    const u = new Uint16Array(cap);
    u.set(units);
    units = u;
    if (srcStart && srcEnd) {
      const a = new Int32Array(cap);
      a.set(srcStart);
      srcStart = a;
      const b = new Int32Array(cap);
      b.set(srcEnd);
      srcEnd = b;
    }
  };
  for (let i = 0; i < n; i++) {
    if (viewAt) viewAt[i] = len;
    const c = text.charCodeAt(i);
    const expansion =
      options.presentation && c >= 0xfb50 && isPresentationForm(c) ? presentationFormExpansion(c) : undefined;
    if (expansion !== undefined) {
      ensure(len + expansion.length + (n - i) + 16);
      for (let k = 0; k < expansion.length; k++) {
        const m = table[expansion.charCodeAt(k)]!;
        if (m < 0) continue;
        units[len] = m;
        if (srcStart && srcEnd) {
          srcStart[len] = i;
          srcEnd[len] = i + 1;
        }
        len++;
      }
      continue;
    }
    const m = table[c]!;
    if (m >= 0) {
      units[len] = m;
      if (srcStart && srcEnd) {
        srcStart[len] = i;
        srcEnd[len] = i + 1;
      }
      len++;
    } else if (m === DROP_ABSORBED && srcEnd && len > 0 && srcEnd[len - 1] === i) {
      srcEnd[len - 1] = i + 1;
    }
  }
  if (viewAt) viewAt[n] = len;
  return {
    units,
    len,
    ...(srcStart && srcEnd && viewAt
      ? { srcStart: srcStart.subarray(0, len), srcEnd: srcEnd.subarray(0, len), viewAt }
      : {}),
  };
}

/** A normalised view of `text` with an exact offset map back to it. */
export function normalize(text: string, options: NormalizeOptions): View {
  const n = text.length;
  const table = tableFor(options);
  let lengthChanges = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (table[c]! < 0 || expands(c, options)) {
      lengthChanges = true;
      break;
    }
  }
  if (!lengthChanges) return new IdentityView(mapSameLength(text, options), text);
  const pass = runPass(text, options, false);
  return new MappedView(fromUnits(pass.units, pass.len), text, options);
}

/** Apply the 1:1 folds only; returns `text` itself when nothing changes. */
function mapSameLength(text: string, o: NormalizeOptions): string {
  if (!o.letters && !o.digits && !o.lowercase) return text;
  const table = tableFor(o);
  const n = text.length;
  let i = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (table[c] !== c) break;
  }
  if (i === n) return text;
  const units = new Uint16Array(n);
  for (let j = 0; j < n; j++) units[j] = table[text.charCodeAt(j)]!;
  return fromUnits(units, n);
}

const CHUNK = 8192;
function fromUnits(units: Uint16Array, len: number): string {
  if (len <= CHUNK) return String.fromCharCode.apply(null, units.subarray(0, len) as unknown as number[]);
  const parts: string[] = [];
  for (let i = 0; i < len; i += CHUNK) {
    parts.push(
      String.fromCharCode.apply(null, units.subarray(i, Math.min(len, i + CHUNK)) as unknown as number[]),
    );
  }
  return parts.join('');
}

/** Without diacritics and tatweel: how most Arabic is written anyway. */
export const dediacritise = (text: string): View => normalize(text, { diacritics: true, tatweel: true });
/** Alef, yeh, teh marbuta and hamza-seat variants folded together. */
export const foldLetters = (text: string): View => normalize(text, { letters: true });
/** Arabic-Indic and Eastern digits as ASCII. */
export const foldDigits = (text: string): View => normalize(text, { digits: true });
/** Bidi, zero-width and other invisible controls removed. */
export const stripControls = (text: string): View => normalize(text, { controls: true });
/** Everything folded: the matching and search form. */
export const searchForm = (text: string): View => normalize(text, SEARCH_FORM);

/**
 * The search form of a short string, without building a map: for lexicon
 * keys and queries, where only the folded string is wanted. Components ask
 * for the same words' keys again and again, so short strings are
 * remembered (the recent ones: a bounded cache).
 */
export function foldKey(text: string): string {
  if (text.length > FOLD_CACHE_MAX_LENGTH) return normalize(text, SEARCH_FORM).text;
  let key = foldCache.get(text);
  if (key === undefined) {
    key = normalize(text, SEARCH_FORM).text;
    foldCache.set(text, key);
  }
  return key;
}
const FOLD_CACHE_MAX_LENGTH = 64;
const foldCache = new BoundedCache<string, string>(WORD_CACHE_SIZE);
