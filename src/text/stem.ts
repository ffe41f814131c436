/**
 * A light stemmer for search, in the manner of Larkey, Ballesteros and
 * Connell's Light10: fold the letters, drop a leading و when a word of three
 * letters or more remains, drop one article-bearing prefix, then drop
 * suffixes from the end while two letters or more remain. It conflates
 * «والحكومات» «الحكومة» «حكومته» «حكوماتهم» → «حكوم»: crude, fast, and applied the same
 * way to documents and queries, which is all search needs.
 */
import { foldKey } from './normalize.ts';

const ARTICLE_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];
// After folding, ة is ه: «ية» is «يه». Pronoun suffixes come first so «حكومتهم» loses «هم» whole.
const PRONOUNS = ['هما', 'هم', 'ها', 'كم', 'نا'];
const SUFFIXES = ['ها', 'ان', 'ات', 'ون', 'ين', 'يه', 'ه', 'ي'];

/** The Light10 stem of one word (any script; only Arabic is changed beyond folding). */
export function lightStem(word: string): string {
  let w = foldKey(word);
  if (w.length >= 4 && w.charCodeAt(0) === 0x0648 /* و */) w = w.slice(1);
  for (const p of ARTICLE_PREFIXES) {
    if (w.startsWith(p) && w.length - p.length >= 2) {
      w = w.slice(p.length);
      break;
    }
  }
  for (const s of PRONOUNS) {
    if (w.length - s.length >= 3 && w.endsWith(s)) {
      w = w.slice(0, -s.length);
      break;
    }
  }
  // A pronoun suffix turns teh marbuta into ت («حكومته»): give it back so the stems meet.
  if (w.length >= 4 && w.endsWith('ته')) w = w.slice(0, -2) + 'ه';
  for (const s of SUFFIXES) {
    if (w.length - s.length >= 2 && w.endsWith(s)) w = w.slice(0, -s.length);
  }
  return w;
}
