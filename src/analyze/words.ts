/**
 * What the analysis components need to know about each token as a word: its
 * search form, and that form without its clitics, from the clitic segments.
 * Computed once per Doc and shared («وبالعراق» → core «بالعراق», stem «عراق»,
 * conj, prep «ب», definite).
 */
import { SEARCH_FORM } from '../text/normalize.ts';
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

export function words(doc: Doc): Word[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const view = doc.view(SEARCH_FORM);
  const foldOf = (start: number, end: number) => view.text.slice(view.toView(start), view.toView(end));
  const out = doc.tokens.map((t, i): Word => {
    const fold = foldOf(t.start, t.end);
    const parts = doc.segments[i];
    if (t.kind !== 'arabic' || !parts) {
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
    let stemTo = t.end - t.start;
    let detFrom = -1;
    let pronoun = false;
    for (const p of parts) {
      if (p.role === 'conj') coreFrom = p.end;
      else if (p.role === 'prep') prep = foldOf(t.start + p.start, t.start + p.end);
      else if (p.role === 'det') {
        definite = true;
        detFrom = p.start;
      } else if (p.role === 'stem') {
        stemFrom = p.start;
        stemTo = p.end;
      } else if (p.role === 'pron') pronoun = true;
    }
    const stem = foldOf(t.start + stemFrom, t.start + stemTo);
    return {
      fold,
      // Teh marbuta is written ت before a pronoun: give it back for lookups.
      base: pronoun && stem.endsWith('ت') ? `${stem.slice(0, -1)}ه` : stem,
      core: foldOf(t.start + coreFrom, t.end),
      stem,
      // «للحكومة» writes the article as one letter: the nominal form spells it out.
      nominal: definite
        ? (detFrom >= 0 && stemFrom - detFrom === 1 ? 'ال' : foldOf(t.start + detFrom, t.start + stemFrom)) +
          stem
        : stem,
      conj: coreFrom > 0,
      definite,
      prep,
      pronoun,
      arabic: true,
    };
  });
  cache.set(doc, out);
  return out;
}
