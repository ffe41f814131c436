/**
 * Search terms: what a word is indexed and queried as, the same function for
 * both, so «وبالحكومات», «الحكومة» and «حكومته» meet at «حكوم».
 *
 * For an Arabic word: its search form (the text core's folding: marks,
 * tatweel, alef/yeh/teh-marbuta and digit variants), then the clitic
 * segmenter's stem (no conjunction, preposition, future «س», article or
 * pronoun: the corpus-checked split, so «وزير» keeps its «و»), then one
 * inflectional suffix (plural, dual, feminine, nisba) while three letters
 * stay. Latin words are lower-cased; numbers keep their folded digits;
 * punctuation is not indexed. Positions count indexed words only, so a
 * phrase is consecutive positions.
 */
import { WORD_CACHE_SIZE } from '../text/bounded-cache.ts';
import { cliticSegmenter } from '../text/clitics.ts';
import { foldKey } from '../text/normalize.ts';
import { type Token, tokenize } from '../text/tokenize.ts';
import { WordTable } from '../text/word-table.ts';

// After folding, ة is ه: «ية» is «يه». Longest first, one suffix only.
const SUFFIXES = ['يات', 'ات', 'ون', 'ين', 'ان', 'يه', 'ه', 'ي'];
const MIN_STEM = 3;

const INDEXED = new Set<Token['kind']>(['arabic', 'latin', 'number', 'alnum', 'hashtag']);

/** Terms by surface form: news repeats its words, so most tokens are a table lookup. */
const bySurface = new WordTable<string>(4096);
const BY_SURFACE_LIMIT = WORD_CACHE_SIZE;

function stripSuffix(stem: string): string {
  for (const s of SUFFIXES) {
    if (stem.length - s.length >= MIN_STEM && stem.endsWith(s)) return stem.slice(0, -s.length);
  }
  return stem;
}

function arabicTerm(text: string, start: number, end: number): string {
  const parts = cliticSegmenter().partsAt(text, start, end);
  const stem = parts.find((p) => p.role === 'stem');
  const core = stem ? text.slice(start + stem.start, start + stem.end) : text.slice(start, end);
  return stripSuffix(foldKey(core));
}

/** The term of the token at [start, end) of `text`, or "" when it is not indexed. */
export function termAt(text: string, token: Token): string {
  if (!INDEXED.has(token.kind)) return '';
  let term = bySurface.get(text, token.start, token.end);
  if (term !== undefined) return term;
  if (token.kind === 'arabic') term = arabicTerm(text, token.start, token.end);
  else if (token.kind === 'hashtag') term = foldKey(token.text.slice(1)).toLowerCase();
  else term = foldKey(token.text).toLowerCase();
  if (bySurface.size >= BY_SURFACE_LIMIT) bySurface.clear();
  bySurface.set(token.text, term);
  return term;
}

/** The term of one word as typed (a query word): the same as the word in a document. */
export function termOf(word: string): string {
  const tokens = tokenize(word);
  for (const t of tokens) {
    const term = termAt(word, t);
    if (term) return term;
  }
  return '';
}

/**
 * A prefix as typed («الحكو*»), in the terms' spelling: folded, without a
 * leading conjunction or article, but not stemmed (a prefix has no suffix).
 */
export function prefixOf(word: string): string {
  let w = foldKey(word).toLowerCase();
  for (const p of ['وال', 'فال', 'بال', 'كال', 'لل', 'ال']) {
    if (w.startsWith(p) && w.length - p.length >= 2) {
      w = w.slice(p.length);
      break;
    }
  }
  return w;
}

/** An indexed word: its term, its position among indexed words, and its span in the text. */
export interface TermToken {
  readonly term: string;
  readonly position: number;
  readonly start: number;
  readonly end: number;
}

/** Every indexed word of a text, in order. */
export function termTokens(text: string): TermToken[] {
  const out: TermToken[] = [];
  for (const t of tokenize(text)) {
    const term = termAt(text, t);
    if (term) out.push({ term, position: out.length, start: t.start, end: t.end });
  }
  return out;
}

/** A document's index entry: each term's positions, and the document's length in indexed words. */
export interface DocumentTerms {
  readonly length: number;
  readonly terms: ReadonlyMap<string, readonly number[]>;
}

/** `tokens`: the text's tokens when they are at hand (an analysed Doc has them). */
export function documentTerms(text: string, tokens: readonly Token[] = tokenize(text)): DocumentTerms {
  const terms = new Map<string, number[]>();
  let position = 0;
  for (const t of tokens) {
    const term = termAt(text, t);
    if (!term) continue;
    const list = terms.get(term);
    if (list) list.push(position);
    else terms.set(term, [position]);
    position++;
  }
  return { length: position, terms };
}
