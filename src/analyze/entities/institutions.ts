/**
 * Institution names by their shape: a head noun that names institutions
 * (data/ner/institution-heads.tsv) and the construct chain it governs —
 * definite nouns and adjectives («وزارة الداخلية السعودية»), an indefinite
 * noun only when a definite one closes it («منظمة حظر الأسلحة»), words
 * joined by «و» («الاستخبارات والتحقيقات»), and at most one «لـ» phrase at
 * the end («المفوضية العليا المستقلة للانتخابات»). The chain stops at
 * punctuation, function and time words, and participles that attach the
 * phrase to something else («المنضوية في …»).
 *
 * A bare head with one adjective after the article («المنظمة الدولية»)
 * refers back to a body already named; a name needs an indefinite head
 * with a chain («وزارة الدفاع») or a definite head with two words after it.
 */
import { readTsv } from '../../data-path.ts';
import { foldKey } from '../../text/normalize.ts';
import { AFFILIATING } from '../quotes/phrase.ts';
import type { Reader } from '../quotes/reader.ts';

const MAX_CHAIN = 8;
// The quotation parser's affiliating participles («المنضوية في», «التابع لـ»), and naming ones («المعروفة باسم»).
const ATTACHING = new Set([...AFFILIATING, ...['المعروف', 'المعروفة', 'المسمى', 'المسماة'].map(foldKey)]);

/** Adjectives that describe a body rather than name it («وكالة الأناضول الرسمية», «المرصد السوري المعارض»). */
const DESCRIBING = new Set(
  [
    'الرسمي',
    'الرسمية',
    'التلفزيوني',
    'التلفزيونية',
    'المعارض',
    'المعارضة',
    'الموالي',
    'الموالية',
    'المسلح',
    'المسلحة',
    'الحكومي',
    'الحكومية',
    'المحلي',
    'المحلية',
    'الخاص',
    'الخاصة',
  ].map(foldKey),
);
/** Quantifiers end a name: «التنظيم معظم الأراضي» is no name. */
const QUANTIFIERS = new Set(
  ['معظم', 'بعض', 'كل', 'جميع', 'اغلب', 'عدد', 'غالبيه', 'اكثر', 'مختلف', 'كافه'].map(foldKey),
);

let heads: Set<string> | null = null;
function institutionHeads(): Set<string> {
  heads ??= new Set(readTsv('ner/institution-heads.tsv').map((r) => foldKey(r[0]!)));
  return heads;
}

/**
 * Token ranges [start, end) of institution names, left to right. A chain
 * stops where a known name (`knownNames`: start → end) begins: «سفارة
 * الولايات المتحدة» is an embassy of a country, and the country is the name
 * there; but a known name closing an indefinite construct is the chain's
 * end («جبهة تحرير سوريا»).
 */
export function institutionNames(
  r: Reader,
  knownNames: ReadonlyMap<number, number> = new Map(),
): { start: number; end: number }[] {
  const known = institutionHeads();
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i < r.length; i++) {
    const head = r.words[i]!;
    if (!head.arabic || head.pronoun || !known.has(head.stem)) continue;
    const end = chainEnd(r, i + 1, knownNames);
    const length = end - i - 1;
    if (length < 1 || (head.definite && length < 2)) continue;
    out.push({ start: i, end });
    i = end - 1;
  }
  return out;
}

function chainEnd(r: Reader, from: number, knownNames: ReadonlyMap<number, number>): number {
  const head = r.words[from - 1]!;
  let j = from;
  const limit = Math.min(r.length, from + MAX_CHAIN, r.sentenceEnd(from - 1));
  while (j < limit) {
    const w = r.words[j]!;
    if (!w.arabic || w.pronoun || r.isTime(j) || ATTACHING.has(w.core) || knownNames.has(j)) break;
    if (DESCRIBING.has(w.core) || QUANTIFIERS.has(w.core)) break;
    if (r.isFunction(j, 'preposition') || r.isFunction(j, 'relative') || r.isComplementizer(j)) break;
    if (r.verbCue(j)) break;
    if (w.prep === 'ل' && j > from) {
      // «للانتخابات», «لحقوق الإنسان»: a «لـ» phrase closes the name. After an indefinite
      // head, «لـ» with a verbal noun is a purpose («قيادة التحالف لمواجهة الحوثيين»).
      if (w.definite) return j + 1;
      const next = r.words[j + 1];
      return head.definite && next?.arabic && next.definite && !next.prep && !next.conj ? j + 2 : j;
    }
    if (w.prep) break;
    // «الاستخبارات والتحقيقات»: a coordinated noun, but not a new title or body («والوزير», «والجيش»).
    if (w.conj && !(w.definite && j > from && !r.headClass(j))) break;
    // A name («مجلس النواب سليم الجبوري»): the chain has closed before it.
    if (!w.definite && r.isNameLike(j)) break;
    if (w.definite) {
      j++;
      continue;
    }
    // An indefinite noun continues the chain only when a definite word closes it, or a
    // known name does («جبهة تحرير سوريا»), which then ends it.
    const named = knownNames.get(j + 1);
    if (named !== undefined && !w.prep && !w.conj) return named;
    const next = r.words[j + 1];
    if (j + 1 < limit && next?.arabic && next.definite && !next.prep && !next.conj && !next.pronoun) {
      j += 2;
      continue;
    }
    break;
  }
  return j;
}
