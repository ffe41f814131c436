/**
 * Short Arabic news items made from templates, for tests that need many
 * articles (ingest, crash, queue) without the shared corpus: each one
 * different, each with a quotation, a speaker with a title, places, and
 * often an event.
 */
const VERBS = ['قال', 'أكد', 'أعلن', 'أوضح'];
const TITLES = [
  'وزير الخارجية العراقي',
  'المتحدث باسم الحكومة السورية',
  'قائد شرطة البصرة',
  'النائب في البرلمان العراقي',
  'محافظ نينوى',
];
const NAMES = ['أحمد الجبوري', 'سامر الحسن', 'محمد العلي', 'خالد الدليمي', 'علي الزيدي', 'حسين الربيعي'];
const PLACES = ['بغداد', 'الموصل', 'حلب', 'دمشق', 'البصرة', 'كركوك', 'أربيل', 'الرقة'];
const OUTLETS = ['BBC', 'CNN', 'Sky News', 'France 24', 'Al Arabiya'];
const NEWS = [
  (p: string) => `وشنت طائرات التحالف غارة جوية على مواقع المسلحين قرب ${p} أمس.`,
  (p: string) => `وتظاهر مئات الطلاب في ${p} للمطالبة بتحسين الخدمات.`,
  (p: string) => `ووقعت الحكومتان اتفاقا للتعاون الاقتصادي في ${p}.`,
  (p: string) => `وتعمل فرق الإغاثة على إعادة النازحين إلى ${p}.`,
];

export interface TestArticle {
  readonly text: string;
  readonly url: string;
  readonly title: string;
  readonly outlet: string;
  readonly published: string;
}

/** The k-th article (0-based): the same k always gives the same article. */
export function testArticle(k: number): TestArticle {
  const pick = <T>(list: readonly T[], salt: number) => list[(k * 7 + salt) % list.length]!;
  const place = pick(PLACES, 1);
  const other = pick(PLACES, 4);
  const name = pick(NAMES, 2);
  const day = String((k % 28) + 1).padStart(2, '0');
  const month = String((Math.floor(k / 28) % 12) + 1).padStart(2, '0');
  const text = [
    `${pick(VERBS, 0)} ${pick(TITLES, 3)} ${name} في مؤتمر صحفي في ${place} إن "الحكومة ستفتتح ${k + 2} مدرسة جديدة خلال الشهر المقبل".`,
    `وأضاف ${name.split(' ')[1]} أن العمل جار على إعادة تأهيل ${k + 3} طرق في ${other}.`,
    pick(NEWS, 5)(other),
  ].join('\n');
  return {
    text,
    url: `https://example.org/news/${k}`,
    title: `${name} يتحدث عن المدارس في ${place} (${k})`,
    outlet: pick(OUTLETS, 6),
    published: `2018-${month}-${day}T${String(k % 24).padStart(2, '0')}:00:00Z`,
  };
}

/** Articles from..to (exclusive) as JSON Lines. */
export function testArticlesJsonl(from: number, to: number): string {
  const lines: string[] = [];
  for (let k = from; k < to; k++) lines.push(JSON.stringify(testArticle(k)));
  return `${lines.join('\n')}\n`;
}
