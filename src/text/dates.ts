/**
 * Dates in Arabic news text, resolved against the publication date.
 *
 * - Explicit dates: «24 شباط/فبراير 2017», «24 فبراير», «2017/2/24»,
 *   «24-2-2017», in Western or Arabic-Indic digits, with Levantine or
 *   Egyptian month names.
 * - Days relative to publication: «أمس» (−1), «أول من أمس» (−2), «اليوم»,
 *   «الليلة», «غدا», «بعد غد»; weekdays («الأحد» is the latest Sunday on or
 *   before publication, «الأحد الماضي» the one before that when publication
 *   is itself a Sunday, «الأحد المقبل» the next).
 * - Periods: «الأسبوع الماضي» (the date a week back), «الشهر الماضي»
 *   («2017-01»), «العام الماضي» («2016»), «مطلع/نهاية العام».
 *
 * And horizons of predictions: «خلال شهرين», «لا تتجاوز شهرا أو شهرين» (the
 * longer), «في غضون 24 ساعة», «بحلول نهاية العام», as days from publication.
 *
 * Everything works on the search form of the text (letters folded, digits
 * Western), so results are values, not spans.
 */
import type { TextSpan } from '../record/types.ts';
import { foldKey } from './normalize.ts';

const MONTHS: Record<string, number> = {
  يناير: 1,
  فبراير: 2,
  مارس: 3,
  ابريل: 4,
  مايو: 5,
  يونيو: 6,
  يونيه: 6,
  يوليو: 7,
  يوليه: 7,
  اغسطس: 8,
  سبتمبر: 9,
  اكتوبر: 10,
  نوفمبر: 11,
  ديسمبر: 12,
  'كانون الثاني': 1,
  شباط: 2,
  اذار: 3,
  نيسان: 4,
  ايار: 5,
  حزيران: 6,
  تموز: 7,
  اب: 8,
  ايلول: 9,
  'تشرين الاول': 10,
  'تشرين الثاني': 11,
  'كانون الاول': 12,
};
const WEEKDAYS: Record<string, number> = {
  الاحد: 0,
  الاثنين: 1,
  الثلاثاء: 2,
  الاربعاء: 3,
  الخميس: 4,
  الجمعه: 5,
  السبت: 6,
};

const monthAlternation = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|');
/** «24 شباط/فبراير 2017», «24 فبراير (شباط) 2017», «24 فبراير». */
const DAY_MONTH = new RegExp(
  `(?<![\\d])(\\d{1,2})\\s+(?:من\\s+)?(?:شهر\\s+)?(${monthAlternation})(?:\\s*[/(]\\s*(?:${monthAlternation})(?:\\s*\\))?)?(?:\\s+(?:عام\\s+|سنه\\s+)?(\\d{4}))?`,
  'u',
);
const NUMERIC =
  /(?<!\d)(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?!\d)|(?<!\d)(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?!\d)/u;
const WEEKDAY = new RegExp(
  `(?:^|\\s)(?:يوم\\s+)?(?:[وف]?(?:ب|ل)?)(${Object.keys(WEEKDAYS).join('|')})(?:\\s+(الماضي|المقبل|القادم))?(?=$|[\\s،,.؛])`,
  'u',
);

interface Ymd {
  y: number;
  m: number;
  d: number;
}
const pad = (n: number) => String(n).padStart(2, '0');
const iso = ({ y, m, d }: Ymd) => `${y}-${pad(m)}-${pad(d)}`;
function parseIsoDate(s: string | undefined): Ymd | null {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})/.exec(s) : null;
  return m ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) } : null;
}
function addDays(p: Ymd, days: number): Ymd {
  const t = new Date(Date.UTC(p.y, p.m - 1, p.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}
const weekday = (p: Ymd) => new Date(Date.UTC(p.y, p.m - 1, p.d)).getUTCDay();
const valid = (y: number, m: number, d: number) =>
  m >= 1 &&
  m <= 12 &&
  d >= 1 &&
  d <= 31 &&
  y >= 1900 &&
  y <= 2100 &&
  new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;

/**
 * The date a span of text gives, as ISO 8601 («2017-02-24», or «2017-01» /
 * «2016» for a month or year), or null. Relative expressions need the
 * publication date; explicit ones without a year take the publication year.
 */
export function resolveDate(text: string, span: TextSpan, published: string | undefined): string | null {
  const s = ` ${foldKey(text.slice(span.start, span.end))} `;
  const pub = parseIsoDate(published);

  const explicit = DAY_MONTH.exec(s);
  if (explicit) {
    const d = Number(explicit[1]);
    const m = MONTHS[explicit[2]!]!;
    const y = explicit[3] ? Number(explicit[3]) : pub?.y;
    if (y && valid(y, m, d)) return iso({ y, m, d });
  }
  const numeric = NUMERIC.exec(s);
  if (numeric) {
    const [y, m, d] = numeric[1]
      ? [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])]
      : [Number(numeric[6]), Number(numeric[5]), Number(numeric[4])];
    if (valid(y, m, d)) return iso({ y, m, d });
  }
  if (!pub) return null;
  return relativeDate(s.replace(/[.,،؛:!?؟«»"()]/gu, ' '), pub);
}

/** Days, weekdays and periods relative to publication, on the folded text with punctuation as spaces. */
function relativeDate(s: string, pub: Ymd): string | null {
  if (/\sاول (?:من )?امس\s/u.test(s)) return iso(addDays(pub, -2));
  if (/\s[وف]?(?:ب|ل)?(?:امس|البارحه)\s/u.test(s)) return iso(addDays(pub, -1));
  if (/\sبعد غد\s/u.test(s)) return iso(addDays(pub, 2));
  if (/\s[وف]?(?:غدا|غد)\s/u.test(s)) return iso(addDays(pub, 1));
  const day = WEEKDAY.exec(s);
  if (day) {
    const target = WEEKDAYS[day[1]!]!;
    const diff = (weekday(pub) - target + 7) % 7;
    if (day[2] === 'المقبل' || day[2] === 'القادم')
      return iso(addDays(pub, (target - weekday(pub) + 7) % 7 || 7));
    if (day[2] === 'الماضي') return iso(addDays(pub, -(diff || 7)));
    return iso(addDays(pub, -diff));
  }
  if (/\s[وف]?(?:ب|ل)?(?:اليوم|الليله)\s/u.test(s)) return iso(pub);
  if (/\sالاسبوع الماضي\s/u.test(s)) return iso(addDays(pub, -7));
  if (/\sالشهر الماضي\s/u.test(s)) {
    const m = pub.m === 1 ? 12 : pub.m - 1;
    return `${pub.m === 1 ? pub.y - 1 : pub.y}-${pad(m)}`;
  }
  if (/\s(?:العام|السنه) الماضي(?:ه)?\s/u.test(s)) return String(pub.y - 1);
  return null;
}

const UNIT_DAYS: Record<string, number> = {
  ساعه: 1 / 24,
  ساعات: 1 / 24,
  يوم: 1,
  ايام: 1,
  اسبوع: 7,
  اسابيع: 7,
  شهر: 30,
  اشهر: 30,
  شهور: 30,
  عام: 365,
  اعوام: 365,
  سنه: 365,
  سنوات: 365,
};
/** Dual forms: «شهرين» is two months. */
const DUALS: Record<string, string> = {
  ساعتين: 'ساعه',
  ساعتان: 'ساعه',
  يومين: 'يوم',
  يومان: 'يوم',
  اسبوعين: 'اسبوع',
  اسبوعان: 'اسبوع',
  شهرين: 'شهر',
  شهران: 'شهر',
  عامين: 'عام',
  عامان: 'عام',
  سنتين: 'سنه',
  سنتان: 'سنه',
};
const NUMBER_WORDS: Record<string, number> = {
  واحد: 1,
  ثلاث: 3,
  ثلاثه: 3,
  اربع: 4,
  اربعه: 4,
  خمس: 5,
  خمسه: 5,
  ست: 6,
  سته: 6,
  سبع: 7,
  سبعه: 7,
  ثماني: 8,
  ثمانيه: 8,
  تسع: 9,
  تسعه: 9,
  عشر: 10,
  عشره: 10,
};
// Forward-looking cues only: «قبل أسبوعين» and «بعد شهرين من الحرب» look back as often as ahead.
const HORIZON_CUE = /(?:خلال|غضون|تتجاوز|يتجاوز|تتعدي|يتعدي|اقل من|مده)\s/u;
const QUANTITY = new RegExp(
  `(?<=^|\\s)(?:(\\d+)\\s+|(${Object.keys(NUMBER_WORDS).join('|')})\\s+)?(${[
    ...Object.keys(UNIT_DAYS),
    ...Object.keys(DUALS),
  ]
    .map((u) => `${u}(?:ا)?`)
    .join('|')})(?=$|[\\s،,.؛»"])`,
  'gu',
);

export interface Horizon {
  readonly days: number;
  /** «end-of-year» horizons are a date, not a count. */
  readonly until?: 'end-of-year' | 'end-of-month' | 'end-of-next-month' | 'end-of-next-year';
}

/**
 * The horizon a prediction names («خلال شهرين» → 60 days), or null. When it
 * names two («شهرا أو شهرين»), the longer. Horizons need a cue word before
 * them («خلال», «غضون», «لا تتجاوز»), so a count alone («منذ شهرين») is not one.
 */
export function horizonOf(text: string): Horizon | null {
  const s = foldKey(text);
  if (/بحلول\s+(?:نهايه|اخر)\s+(?:العام|السنه)(?:\s+(?:الحالي|الجاري))?/u.test(s))
    return { days: 0, until: 'end-of-year' };
  if (/(?:بحلول|قبل)\s+(?:نهايه|اخر)\s+الشهر/u.test(s)) return { days: 0, until: 'end-of-month' };
  // «خلال الشهر المقبل», «في العام القادم»: by the end of the next one.
  const next =
    /(?:^|\s)(?:خلال|في|قبل|بحلول)\s+(?:(?:مطلع|بدايه|نهايه|اخر)\s+)?(الاسبوع|الشهر|العام|السنه)\s+(?:المقبل|القادم|المقبله|القادمه)(?=$|[\s،,.؛»"])/u.exec(
      s,
    );
  if (next) {
    if (next[1] === 'الاسبوع') return { days: 14 };
    return { days: 0, until: next[1] === 'الشهر' ? 'end-of-next-month' : 'end-of-next-year' };
  }
  const cue = HORIZON_CUE.exec(s);
  if (!cue) return null;
  // «منذ شهرين» looks back, not ahead.
  const rest = s.slice(cue.index, cue.index + 80);
  let best = 0;
  for (const m of rest.matchAll(QUANTITY)) {
    let unit = m[3]!.replace(/ا$/u, '');
    let count = m[1] ? Number(m[1]) : m[2] ? NUMBER_WORDS[m[2]]! : 1;
    if (DUALS[unit]) {
      unit = DUALS[unit]!;
      count = 2;
    } else if (!UNIT_DAYS[unit]) {
      unit = m[3]!;
    }
    const per = UNIT_DAYS[unit];
    if (per === undefined) continue;
    best = Math.max(best, count * per);
  }
  return best > 0 ? { days: Math.max(1, Math.round(best)) } : null;
}

/** The due date of a horizon from the publication date, or null when that is unknown. */
export function dueDate(horizon: Horizon, published: string | undefined): string | null {
  const pub = parseIsoDate(published);
  if (!pub) return null;
  if (horizon.until === 'end-of-year') return `${pub.y}-12-31`;
  if (horizon.until === 'end-of-month')
    return iso(addDays({ y: pub.m === 12 ? pub.y + 1 : pub.y, m: (pub.m % 12) + 1, d: 1 }, -1));
  if (horizon.until === 'end-of-next-year') return `${pub.y + 1}-12-31`;
  if (horizon.until === 'end-of-next-month') {
    // The first of the month after next, less a day.
    const m = pub.m + 2;
    return iso(addDays({ y: pub.y + Math.floor((m - 1) / 12), m: ((m - 1) % 12) + 1, d: 1 }, -1));
  }
  return iso(addDays(pub, horizon.days));
}
