/**
 * What the analysis components need to know about each token as a word: its
 * search form, and that form without its clitics, from the clitic segments.
 * Computed once per Doc and shared («وبالعراق» → core «بالعراق», stem «عراق»,
 * conj, prep «ب», definite).
 */
import { WORD_CACHE_SIZE } from '../text/bounded-cache.ts';
import type { SegmentPart } from '../text/clitics.ts';
import { searchForm } from '../text/normalize.ts';
import { WordTable } from '../text/word-table.ts';
import type { Doc } from './doc.ts';

export interface Word {
  /** The whole token in search form. */
  readonly fold: string;
  /** Without a leading conjunction (و/ف). */
  readonly core: string;
  /** The stem alone: no proclitics, no enclitic pronoun. */
  readonly stem: string;
  /** The stem as it stands without a pronoun: «حليفت» (from «حليفتها») → «حليفه». */
  readonly base: string;
  /** The stem with its article when it has one («العراق» from «وبالعراق»). */
  readonly nominal: string;
  readonly conj: boolean;
  readonly definite: boolean;
  /** An attached preposition (ب ل ك) or null. */
  readonly prep: string | null;
  /** Has an enclitic pronoun. */
  readonly pronoun: boolean;
  readonly arabic: boolean;
}

const cache = new WeakMap<Doc, Word[]>();
/**
 * Words by surface form: a Word depends only on the token's text (its
 * segments do too), and news repeats its words, so most tokens are a table
 * lookup. Cleared when it grows past a bound, like the segmenter's cache.
 */
const byForm = new WordTable<Word>(4096);
const BY_FORM_LIMIT = WORD_CACHE_SIZE;

export function words(doc: Doc): Word[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const text = doc.text;
  const out = doc.tokens.map((t, i): Word => {
    let w = byForm.get(text, t.start, t.end);
    if (w === undefined) {
      w = makeWord(text.slice(t.start, t.end), t.kind === 'arabic' ? doc.segments[i] : undefined);
      if (byForm.size >= BY_FORM_LIMIT) byForm.clear();
      byForm.set(text.slice(t.start, t.end), w);
    }
    return w;
  });
  cache.set(doc, out);
  return out;
}

/** The word forms of one surface token, from its clitic segments (relative to the token). */
function makeWord(surface: string, parts: readonly SegmentPart[] | undefined): Word {
  const view = searchForm(surface);
  const foldOf = (start: number, end: number) => view.text.slice(view.toView(start), view.toView(end));
  const fold = view.text;
  if (!parts) {
    return {
      fold,
      core: fold,
      stem: fold,
      base: fold,
      nominal: fold,
      conj: false,
      definite: false,
      prep: null,
      pronoun: false,
      arabic: false,
    };
  }
  let coreFrom = 0;
  let prep: string | null = null;
  let definite = false;
  let stemFrom = 0;
  let stemTo = surface.length;
  let detFrom = -1;
  let pronoun = false;
  for (const p of parts) {
    if (p.role === 'conj') coreFrom = p.end;
    else if (p.role === 'prep') prep = foldOf(p.start, p.end);
    else if (p.role === 'det') {
      definite = true;
      detFrom = p.start;
    } else if (p.role === 'stem') {
      stemFrom = p.start;
      stemTo = p.end;
    } else if (p.role === 'pron') pronoun = true;
  }
  const stem = foldOf(stemFrom, stemTo);
  return {
    fold,
    // Teh marbuta is written ت before a pronoun: give it back for lookups.
    base: pronoun && stem.endsWith('ت') ? `${stem.slice(0, -1)}ه` : stem,
    core: foldOf(coreFrom, surface.length),
    stem,
    // «للحكومة» writes the article as one letter: the nominal form spells it out.
    nominal: definite
      ? (detFrom >= 0 && stemFrom - detFrom === 1 ? 'ال' : foldOf(detFrom, stemFrom)) + stem
      : stem,
    conj: coreFrom > 0,
    definite,
    prep,
    pronoun,
    arabic: true,
  };
}
