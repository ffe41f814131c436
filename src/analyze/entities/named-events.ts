/**
 * Names of events and documents (MISC in the guidelines): a meeting named
 * by its place («قمة هلسنكي», «مفاوضات جنيف», «مؤتمر ميونخ للأمن») and a
 * resolution named by its number («قرار 2254», «قرار مجلس الأمن الدولي رقم
 * 2401»). The tagger rarely sees these; their shape is regular.
 */
import { foldKey } from '../../text/normalize.ts';
import type { Reader } from '../quotes/reader.ts';

const MEETINGS = new Set(
  [
    'قمة',
    'مؤتمر',
    'مفاوضات',
    'محادثات',
    'اجتماعات',
    'منتدى',
    'مسار',
    'اتفاق',
    'اتفاقية',
    'معاهدة',
    'إعلان',
  ].map(foldKey),
);
const RESOLUTIONS = new Set(['قرار', 'القرار'].map(foldKey));
/** Words a resolution's name may hold before its number («مجلس الأمن الدولي رقم»). */
const MAX_RESOLUTION_WORDS = 6;

/**
 * Token ranges [start, end) of named events. `placeAt(i)` gives the end of a
 * known place name starting at token i, or -1.
 */
export function namedEvents(r: Reader, placeAt: (i: number) => number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let i = 0; i + 1 < r.length; i++) {
    const w = r.words[i]!;
    if (!w.arabic || w.pronoun) continue;
    // «قمة هلسنكي», «مؤتمر ميونخ للأمن»: a meeting and the place that names it, and a «لـ» phrase after.
    if (MEETINGS.has(w.stem) && !w.definite) {
      const end = placeAt(i + 1);
      if (end < 0) continue;
      const next = r.words[end];
      const withTopic = next?.arabic && next.prep === 'ل' && next.definite && !next.conj ? end + 1 : end;
      out.push({ start: i, end: withTopic });
      i = withTopic - 1;
      continue;
    }
    // «قرار 2254», «القرار رقم 2401», «قرار مجلس الأمن الدولي رقم 2401».
    if (RESOLUTIONS.has(w.stem) || RESOLUTIONS.has(w.nominal)) {
      for (let j = i + 1; j < Math.min(r.length, i + 2 + MAX_RESOLUTION_WORDS); j++) {
        const t = r.tokens[j]!;
        if (t.kind === 'number') {
          out.push({ start: i, end: j + 1 });
          i = j;
          break;
        }
        if (!r.words[j]!.arabic || r.isPunct(j)) break;
      }
    }
  }
  return out;
}
