/**
 * The interface's labels in Arabic (the default) and English. Only labels
 * switch: article text, names and quotations stay as published, in Arabic,
 * and keep lang="ar" dir="rtl" whichever language the labels are in.
 */
import { signal } from './signal.ts';

export type Lang = 'ar' | 'en';

const AR = {
  appName: 'إسناد',
  tagline: 'من قال ماذا، عن طريق من، وعن من، وأين ومتى',
  home: 'الرئيسية',
  search: 'بحث',
  map: 'الخريطة',
  claims: 'التوقعات',
  statements: 'سلاسل الاقتباس',
  people: 'الأشخاص',
  language: 'English',
  languageLabel: 'Switch the labels to English',
  pasteTitle: 'حلّل نصا',
  pasteHint: 'الصق نص خبر عربي هنا، أو أفلت ملفات نصية أو صفحات HTML',
  analyse: 'حلّل',
  analysing: 'جار التحليل…',
  store: 'احفظ في المخزن',
  stored: 'حُفظ',
  tokenNeeded: 'الحفظ يحتاج رمز الإدخال (ابدأ الخادم بـ --new-token)',
  drop: 'أفلت الملفات هنا',
  filesStored: (n: number) => `حُفظت ${n} مقالات`,
  searchPlaceholder: 'ابحث: كلمات، "عبارة"، بادئة*، -استبعاد',
  speaker: 'المتحدث',
  organisation: 'المنظمة',
  place: 'المكان',
  eventType: 'نوع الحدث',
  outlet: 'الوسيلة',
  from: 'من',
  to: 'إلى',
  any: 'الكل',
  results: (n: number) => `${n} نتيجة`,
  noResults: 'لا نتائج',
  recent: 'أحدث المقالات',
  empty: 'المخزن فارغ.',
  demoOffer: (n: number) => `حمّل شريحة العراق وسوريا من المدونة (${n} مقالة)`,
  demoLoading: (s: number, n: number) => `جار التحميل: ${s} من ${n}`,
  demoDone: 'اكتمل التحميل',
  quotes: 'الاقتباسات',
  quotesCount: (n: number) => `${n} اقتباسات`,
  entities: 'الكيانات',
  places: 'الأماكن',
  events: 'الأحداث',
  claimsTitle: 'ادعاءات تستحق التحقق',
  diagnostics: 'ملاحظات التحليل',
  verb: 'فعل القول',
  channel: 'القناة',
  titles: 'الصفات',
  affiliations: 'الانتماءات',
  kind: 'النوع',
  direct: 'مباشر',
  indirect: 'غير مباشر',
  mixed: 'مختلط',
  unknownSpeaker: 'متحدث غير محدد',
  status: 'الحالة',
  assertedBy: 'يؤكده',
  outletNarration: 'الوسيلة',
  due: 'الاستحقاق',
  overdue: 'فات موعدها',
  dueSoon: 'تستحق قريبا',
  later: 'لاحقا',
  all: 'الكل',
  published: 'نُشر',
  source: 'المصدر',
  quotedAlongside: 'يُقتبس معه',
  timeline: 'أقواله عبر الوسائل',
  firstReported: 'الأقدم أولا',
  reportedBy: (n: number) => `نقلته ${n} مقالات`,
  loading: 'جار التحميل…',
  notFound: 'غير موجود',
  error: 'خطأ',
  articles: 'مقالات',
  showOnMap: 'الأماكن والأحداث',
  placesLayer: 'الأماكن',
  eventsLayer: 'الأحداث',
  openArticle: 'افتح المقالة',
  previous: 'السابق',
  next: 'التالي',
  unresolvedPlaces: 'أماكن بلا إحداثيات',
  kinds: {
    prediction: 'توقع',
    statistic: 'إحصاء',
    accusation: 'اتهام',
    promise: 'وعد',
    other: 'أخرى',
  } as Record<string, string>,
  statuses: {
    happened: 'وقع',
    ongoing: 'جار',
    planned: 'مخطط',
    predicted: 'متوقع',
    claimed: 'مدّعى',
    denied: 'منفي',
  } as Record<string, string>,
  entityTypes: { PER: 'أشخاص', ORG: 'منظمات', LOC: 'أماكن', MISC: 'أخرى' } as Record<string, string>,
};

export type Labels = typeof AR;

const EN: Labels = {
  appName: 'isnad',
  tagline: 'who said what, through whom, about whom, where and when',
  home: 'Home',
  search: 'Search',
  map: 'Map',
  claims: 'Predictions',
  statements: 'Quote chains',
  people: 'People',
  language: 'العربية',
  languageLabel: 'التسميات بالعربية',
  pasteTitle: 'Analyse a text',
  pasteHint: 'Paste the text of an Arabic news article here, or drop text files or HTML pages',
  analyse: 'Analyse',
  analysing: 'Analysing…',
  store: 'Store it',
  stored: 'Stored',
  tokenNeeded: 'Storing needs the ingest token (start the server with --new-token)',
  drop: 'Drop files here',
  filesStored: (n: number) => `${n} articles stored`,
  searchPlaceholder: 'Search: words, "a phrase", prefix*, -exclude',
  speaker: 'Speaker',
  organisation: 'Organisation',
  place: 'Place',
  eventType: 'Event type',
  outlet: 'Outlet',
  from: 'From',
  to: 'To',
  any: 'Any',
  results: (n: number) => `${n} results`,
  noResults: 'No results',
  recent: 'Latest articles',
  empty: 'The store is empty.',
  demoOffer: (n: number) => `Load the Iraq–Syria slice of the corpus (${n} articles)`,
  demoLoading: (s: number, n: number) => `Loading: ${s} of ${n}`,
  demoDone: 'Loaded',
  quotes: 'Quotations',
  quotesCount: (n: number) => `${n} quotations`,
  entities: 'Entities',
  places: 'Places',
  events: 'Events',
  claimsTitle: 'Claims worth checking',
  diagnostics: 'Analysis notes',
  verb: 'Reporting verb',
  channel: 'Channel',
  titles: 'Titles',
  affiliations: 'Affiliations',
  kind: 'Kind',
  direct: 'direct',
  indirect: 'indirect',
  mixed: 'mixed',
  unknownSpeaker: 'Unresolved speaker',
  status: 'Status',
  assertedBy: 'Asserted by',
  outletNarration: 'the outlet',
  due: 'Due',
  overdue: 'Overdue',
  dueSoon: 'Due soon',
  later: 'Later',
  all: 'All',
  published: 'Published',
  source: 'Source',
  quotedAlongside: 'Quoted alongside',
  timeline: 'Quotations across outlets',
  firstReported: 'earliest first',
  reportedBy: (n: number) => `reported by ${n} articles`,
  loading: 'Loading…',
  notFound: 'Not found',
  error: 'Error',
  articles: 'articles',
  showOnMap: 'Places and events',
  placesLayer: 'Places',
  eventsLayer: 'Events',
  openArticle: 'Open the article',
  previous: 'Previous',
  next: 'Next',
  unresolvedPlaces: 'Places without coordinates',
  kinds: { prediction: 'prediction', statistic: 'statistic', accusation: 'accusation', promise: 'promise', other: 'other' },
  statuses: {
    happened: 'happened',
    ongoing: 'ongoing',
    planned: 'planned',
    predicted: 'predicted',
    claimed: 'claimed',
    denied: 'denied',
  },
  entityTypes: { PER: 'People', ORG: 'Organisations', LOC: 'Places', MISC: 'Other' },
};

const saved = (() => {
  try {
    return localStorage.getItem('isnad.lang');
  } catch {
    return null;
  }
})();

export const lang = signal<Lang>(saved === 'en' ? 'en' : 'ar');

export function labels(): Labels {
  return lang.value === 'en' ? EN : AR;
}

export function setLang(l: Lang): void {
  lang.value = l;
  try {
    localStorage.setItem('isnad.lang', l);
  } catch {
    // private mode: the choice lasts this page only
  }
  document.documentElement.lang = l;
  document.documentElement.dir = l === 'ar' ? 'rtl' : 'ltr';
}
