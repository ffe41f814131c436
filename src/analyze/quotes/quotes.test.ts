/**
 * The quotation finder, construction by construction, on short sentences
 * written for these tests (not taken from any article).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ArticleRecord } from '../../record/types.ts';
import { validateRecord } from '../../record/validate.ts';
import { defaultPipeline } from '../index.ts';

function analyse(text: string): ArticleRecord {
  const record = defaultPipeline().analyze({ text, meta: {} });
  assert.deepEqual(validateRecord(record), { ok: true, errors: [] });
  return record;
}

interface Expect {
  speaker: string | null;
  kind: 'direct' | 'indirect' | 'mixed';
  content: string;
  verb?: string;
  channel?: string;
}

/** Quotations as [speaker name, kind, content, verb lemma, channel text]. */
function quotes(text: string): Expect[] {
  const r = analyse(text);
  const names = new Map(r.people.map((p) => [p.id, p.name]));
  return r.quotes.map((q) => ({
    speaker: q.speaker ? (names.get(q.speaker) ?? null) : null,
    kind: q.kind,
    content: q.content.text,
    verb: q.verb?.lemma,
    ...(q.channel ? { channel: q.channel.text } : {}),
  }));
}

const cases: [string, string, Expect[]][] = [
  [
    'verb, subject with title, direct quotation after إن',
    'وقال وزير الدفاع الأردني سامر الحديدي إن "العمليات على الحدود ستستمر حتى نهاية الشهر".',
    [
      {
        speaker: 'سامر الحديدي',
        kind: 'direct',
        content: 'العمليات على الحدود ستستمر حتى نهاية الشهر',
        verb: 'قال',
      },
    ],
  ],
  [
    'indirect أن-clause, to the end of the sentence',
    'أكد رئيس البرلمان خليل الراوي أن الجلسة المقبلة ستناقش قانون الموازنة. ثم غادر القاعة.',
    [
      {
        speaker: 'خليل الراوي',
        kind: 'indirect',
        content: 'الجلسة المقبلة ستناقش قانون الموازنة',
        verb: 'أكد',
      },
    ],
  ],
  [
    'mixed: an indirect clause holding a quoted fragment',
    'وقال المتحدث باسم الشرطة ماجد العلي إن الوضع "تحت السيطرة تماما" في المدينة.',
    [{ speaker: 'ماجد العلي', kind: 'mixed', content: 'الوضع "تحت السيطرة تماما" في المدينة', verb: 'قال' }],
  ],
  [
    'subject before the verb',
    'قال وزير النقل أحمد الساعدي إن الطريق سيفتح غدا. الساعدي أوضح أن أعمال الصيانة انتهت.',
    [
      { speaker: 'أحمد الساعدي', kind: 'indirect', content: 'الطريق سيفتح غدا', verb: 'قال' },
      { speaker: 'أحمد الساعدي', kind: 'indirect', content: 'أعمال الصيانة انتهت', verb: 'أوضح' },
    ],
  ],
  [
    '«وأضاف» with no subject continues the last speaker; a participle continues its sentence',
    'وقال المحلل السياسي كريم الجابري إن الأزمة ستطول، موضحا أن الحلول ما زالت بعيدة. وأضاف أن "الحوار هو الطريق الوحيد".',
    [
      { speaker: 'كريم الجابري', kind: 'indirect', content: 'الأزمة ستطول', verb: 'قال' },
      { speaker: 'كريم الجابري', kind: 'indirect', content: 'الحلول ما زالت بعيدة', verb: 'أوضح' },
      { speaker: 'كريم الجابري', kind: 'direct', content: 'الحوار هو الطريق الوحيد', verb: 'أضاف' },
    ],
  ],
  [
    'an unnamed group speaks',
    'وقالت مصادر أمنية عراقية إن ثلاثة مسلحين قتلوا في الاشتباك.',
    [
      {
        speaker: 'مصادر أمنية عراقية',
        kind: 'indirect',
        content: 'ثلاثة مسلحين قتلوا في الاشتباك',
        verb: 'قال',
      },
    ],
  ],
  [
    'an institution speaks, with a channel',
    'وأعلنت وزارة الخارجية الفرنسية في بيان أن السفير سيعود إلى عمله الأسبوع المقبل.',
    [
      {
        speaker: 'وزارة الخارجية الفرنسية',
        kind: 'indirect',
        content: 'السفير سيعود إلى عمله الأسبوع المقبل',
        verb: 'أعلن',
        channel: 'بيان',
      },
    ],
  ],
  [
    'a channel to an agency',
    'وقال النائب فلاح الزيدي لوكالة رويترز إن التصويت تأجل.',
    [
      {
        speaker: 'فلاح الزيدي',
        kind: 'indirect',
        content: 'التصويت تأجل',
        verb: 'قال',
        channel: 'لوكالة رويترز',
      },
    ],
  ],
  [
    'a passive with no source gets the unnamed source',
    'وأفيد بأن الطائرة هبطت اضطراريا في المطار.',
    [
      {
        speaker: 'مصادر غير محددة',
        kind: 'indirect',
        content: 'الطائرة هبطت اضطراريا في المطار',
        verb: 'أفاد',
      },
    ],
  ],
  [
    'an attribution closing a sentence of narration',
    'وقتل عشرة أشخاص في القصف الذي استهدف السوق، بحسب المرصد السوري لحقوق الإنسان.',
    [
      {
        speaker: 'المرصد السوري لحقوق الإنسان',
        kind: 'indirect',
        content: 'وقتل عشرة أشخاص في القصف الذي استهدف السوق',
        verb: 'بحسب',
      },
    ],
  ],
  [
    'a relay: the outlet is the channel, the source the speaker',
    'ونقلت وكالة الأناضول عن مسؤول تركي قوله إن المحادثات ستستأنف.',
    [
      {
        speaker: 'مسؤول تركي',
        kind: 'indirect',
        content: 'المحادثات ستستأنف',
        verb: 'نقل',
        channel: 'وكالة الأناضول',
      },
    ],
  ],
  [
    'a feminine verb with no subject finds the latest feminine speaker',
    'وقالت الوزيرة ليلى حداد إن المدارس ستفتح. وقال مدير التعليم فراس ناجي إن المعلمين جاهزون. وأضافت أن المناهج تغيرت.',
    [
      { speaker: 'ليلى حداد', kind: 'indirect', content: 'المدارس ستفتح', verb: 'قال' },
      { speaker: 'فراس ناجي', kind: 'indirect', content: 'المعلمين جاهزون', verb: 'قال' },
      { speaker: 'ليلى حداد', kind: 'indirect', content: 'المناهج تغيرت', verb: 'أضاف' },
    ],
  ],
  [
    'a governed phrase as content',
    'وطالبت النقابة بزيادة الرواتب قبل نهاية العام.',
    [{ speaker: 'النقابة', kind: 'indirect', content: 'بزيادة الرواتب قبل نهاية العام', verb: 'طالب' }],
  ],
  [
    'an apposition after the subject',
    'وقال السفير الياباني، كينجي تاناكا، إن بلاده ستقدم مساعدات.',
    [{ speaker: 'كينجي تاناكا', kind: 'indirect', content: 'بلاده ستقدم مساعدات', verb: 'قال' }],
  ],
  [
    'a feminine verb goes to the cited newspaper, not the earlier masculine speaker',
    'وقال المتحدث باسم الجيش خالد العبيدي إن "القوات تقدمت نحو الجسر". وبحسب صحيفة "الصباح" المحلية، فإن الهجوم بدأ فجرا. وذكرت أن القوات سيطرت على الجسر.',
    [
      { speaker: 'خالد العبيدي', kind: 'direct', content: 'القوات تقدمت نحو الجسر', verb: 'قال' },
      { speaker: 'صحيفة "الصباح" المحلية', kind: 'indirect', content: 'الهجوم بدأ فجرا', verb: 'بحسب' },
      { speaker: 'صحيفة "الصباح" المحلية', kind: 'indirect', content: 'القوات سيطرت على الجسر', verb: 'ذكر' },
    ],
  ],
  [
    'an adverbial «قبل أن» is not a complement (بين here is a preposition)',
    'وبدأت الحافلات بالتجمع في منطقة بين الطرفين قبل أن تنطلق باتجاه المدينة.',
    [],
  ],
  [
    'two subjects before the verb («كل من X وY») both speak; a dual nisba belongs to its group',
    'وكانت كل من بريطانيا وألمانيا هددتا بفرض عقوبات جديدة على الشركة. وقال مسؤولان ألمانيان للصحفيين إن العقوبات جاهزة.',
    [
      { speaker: 'بريطانيا', kind: 'indirect', content: 'بفرض عقوبات جديدة على الشركة', verb: 'هدد' },
      { speaker: 'ألمانيا', kind: 'indirect', content: 'بفرض عقوبات جديدة على الشركة', verb: 'هدد' },
      {
        speaker: 'مسؤولان ألمانيان',
        kind: 'indirect',
        content: 'العقوبات جاهزة',
        verb: 'قال',
        channel: 'للصحفيين',
      },
    ],
  ],
  [
    'a time phrase after the title is not part of it',
    'وقال المدير خلال الأيام الماضية إن المصنع سيغلق.',
    [{ speaker: 'المدير', kind: 'indirect', content: 'المصنع سيغلق', verb: 'قال' }],
  ],
  [
    'a detached لـ before a Latin name is the channel, not the speaker',
    'وقال مسؤول عسكري لـCNN إن القوات انسحبت من المدينة.',
    [
      {
        speaker: 'مسؤول عسكري',
        kind: 'indirect',
        content: 'القوات انسحبت من المدينة',
        verb: 'قال',
        channel: 'لـCNN',
      },
    ],
  ],
  [
    'a participle «على لسان» someone: that person speaks',
    'وانتقدت جمعية المحامين القرار، مؤكدة على لسان رئيستها سلمى الخطيب أن القانون "لا يسمح بذلك".',
    [{ speaker: 'سلمى الخطيب', kind: 'mixed', content: 'القانون "لا يسمح بذلك"', verb: 'أكد' }],
  ],
  [
    'an accusative indefinite head after «لكن» is the subject',
    'لكن مصدرا أمنيا في البصرة أبلغ الصحفيين بأن المعبر سيفتح غدا.',
    [{ speaker: 'مصدرا أمنيا في البصرة', kind: 'indirect', content: 'المعبر سيفتح غدا', verb: 'أبلغ' }],
  ],
  [
    'a group with a prepositional phrase stops before the verb’s object',
    'وأبلغ ضباط بالجيش الأردني الوفد الزائر أن الحدود آمنة.',
    [{ speaker: 'ضباط بالجيش الأردني', kind: 'indirect', content: 'الحدود آمنة', verb: 'أبلغ' }],
  ],
  [
    'a masdar after بـ is the content of a threat',
    'وهدد الجيش بإعدام الأسرى.',
    [{ speaker: 'الجيش', kind: 'indirect', content: 'بإعدام الأسرى', verb: 'هدد' }],
  ],
  [
    'the setting of a statement («بحضور …») is neither subject nor content',
    'وقال الوزير بحضور السفير الفرنسي "الحدود ستفتح قريبا".',
    [{ speaker: 'الوزير', kind: 'direct', content: 'الحدود ستفتح قريبا', verb: 'قال' }],
  ],
  [
    '«، لكنه أكد» ends the first report and starts a second by the same speaker',
    'وقال المتحدث إن المفاوضات متوقفة، لكنه أكد أن الحوار سيستمر.',
    [
      { speaker: 'المتحدث', kind: 'indirect', content: 'المفاوضات متوقفة', verb: 'قال' },
      { speaker: 'المتحدث', kind: 'indirect', content: 'الحوار سيستمر', verb: 'أكد' },
    ],
  ],
  [
    'a plural verb goes back to people in the plural, past a nearer institution',
    'وقال مسؤولون في الوزارة إن المعبر مغلق. وأعلنت الحكومة أنها سترسل مساعدات. وقالوا إن الشاحنات تنتظر.',
    [
      { speaker: 'مسؤولون في الوزارة', kind: 'indirect', content: 'المعبر مغلق', verb: 'قال' },
      { speaker: 'الحكومة', kind: 'indirect', content: 'سترسل مساعدات', verb: 'أعلن' },
      { speaker: 'مسؤولون في الوزارة', kind: 'indirect', content: 'الشاحنات تنتظر', verb: 'قال' },
    ],
  ],
  [
    'a person reporting what another says: both are quoted; an outlet only relays',
    'ويقول مراسل الشؤون الدولية في بي بي سي، سامي نادر، إن الحكومة تقول إنها لن تستقيل. وذكرت صحيفة الغد أن الجيش أكد في بيان أن الحدود آمنة.',
    [
      { speaker: 'سامي نادر', kind: 'indirect', content: 'الحكومة تقول إنها لن تستقيل', verb: 'قال' },
      { speaker: 'الحكومة', kind: 'indirect', content: 'لن تستقيل', verb: 'قال' },
      { speaker: 'الجيش', kind: 'indirect', content: 'الحدود آمنة', verb: 'أكد', channel: 'بيان' },
    ],
  ],
  [
    'a passive told from its active only by the alef maqsura («يُدعى») has no named source',
    'ونشر الموقع فيديو لإحدى الرهائن، يُدعى أنها تتحدث باسم التنظيم.',
    [{ speaker: 'مصادر غير محددة', kind: 'indirect', content: 'تتحدث باسم التنظيم', verb: 'ادعى' }],
  ],
  [
    'words of manner between the verb and the colon',
    'وقال الوزير إن الحل قريب. وأضاف بنغمة لا تخلو من التهكم: "كنا نأمل أن يكون الحل أسرع".',
    [
      { speaker: 'الوزير', kind: 'indirect', content: 'الحل قريب', verb: 'قال' },
      { speaker: 'الوزير', kind: 'direct', content: 'كنا نأمل أن يكون الحل أسرع', verb: 'أضاف' },
    ],
  ],
  [
    'an attribution between the verb and its content is the channel («بحسب ما يقوله»)',
    'وهدد مسلحو الجماعة، بحسب ما يقوله المرصد، بإعدام الرهائن.',
    [
      {
        speaker: 'مسلحو الجماعة',
        kind: 'indirect',
        content: 'بإعدام الرهائن',
        verb: 'هدد',
        channel: 'بحسب ما يقوله المرصد',
      },
    ],
  ],
  [
    'a strict form («عبر» via) does not report an «إن» clause',
    'لكن الحكومة لم تؤكد بعد عبر وسائلها الرسمية إن كان الاتفاق قد وقع.',
    [],
  ],
  [
    'an indefinite audience after «أمام» is the channel; «أمام» is not the title «إمام»',
    'وقال الرئيس أمام تجمع لأنصاره في المدينة "لن نتراجع".',
    [
      {
        speaker: 'الرئيس',
        kind: 'direct',
        content: 'لن نتراجع',
        verb: 'قال',
        channel: 'تجمع لأنصاره في المدينة',
      },
    ],
  ],
  [
    'a short alias in brackets after the subject; «أفاد عن» with a quotation; «من دون إضافة» is the outlet’s',
    'وأفادت وكالة الأنباء الرسمية (سانا) عن "سماع دوي انفجارات قرب المطار" من دون إضافة أي تفاصيل.',
    [
      {
        speaker: 'وكالة الأنباء الرسمية',
        kind: 'direct',
        content: 'سماع دوي انفجارات قرب المطار',
        verb: 'أفاد',
      },
    ],
  ],
  [
    'coordinated genitives inside an institution’s name; «مطلع على» inside a source',
    'كشف اتحاد منظمات الإغاثة والرعاية الطبية عن خروج مستشفيين من الخدمة. وأكد المصدر المطلع على الملف أن الشركة ستستأنف.',
    [
      {
        speaker: 'اتحاد منظمات الإغاثة والرعاية الطبية',
        kind: 'indirect',
        content: 'خروج مستشفيين من الخدمة',
        verb: 'كشف',
      },
      { speaker: 'المصدر المطلع على الملف', kind: 'indirect', content: 'الشركة ستستأنف', verb: 'أكد' },
    ],
  ],
];

describe('quotations, by construction', () => {
  for (const [name, text, expected] of cases) {
    it(name, () => {
      // Channels are compared only where the case names one.
      const got = quotes(text).map((q, k) => {
        if (expected[k] && 'channel' in expected[k]) return q;
        const { channel: _ignored, ...rest } = q;
        return rest;
      });
      assert.deepEqual(got, expected);
    });
  }

  it('does not take the outlet’s own asides or labels for quotations', () => {
    assert.deepEqual(quotes('يذكر أن المدينة شهدت احتجاجات مماثلة العام الماضي.'), []);
    const label = quotes('وقال الناطق باسم الائتلاف حسين الموسوي إن تحالف "الفتح" فاز بالمقعد.');
    assert.equal(label[0]?.kind, 'indirect');
  });

  it('merges a surname and a bare title with the person named before', () => {
    const r = analyse(
      'وقال وزير المالية طارق الكبيسي إن العجز سيتراجع. وأوضح الكبيسي أن الإيرادات ارتفعت. وأكد الوزير أن الديون ستسدد.',
    );
    assert.equal(r.people.length, 1);
    const p = r.people[0]!;
    assert.equal(p.name, 'طارق الكبيسي');
    assert.deepEqual(p.titles, ['وزير المالية']);
    assert.deepEqual(
      p.mentions.map((m) => m.text),
      ['طارق الكبيسي', 'الكبيسي', 'الوزير'],
    );
    assert.equal(r.quotes.length, 3);
    assert.ok(r.quotes.every((q) => q.speaker === p.id));
  });

  it('parses titles and affiliations out of the speaker phrase', () => {
    const r = analyse(
      'وقال النائب عن ائتلاف الوطنية والوزير السابق عادل الحمداني إن الانتخابات ستجرى في موعدها.',
    );
    const p = r.people[0]!;
    assert.equal(p.name, 'عادل الحمداني');
    assert.deepEqual(p.titles, ['النائب عن ائتلاف الوطنية', 'الوزير السابق']);
    assert.deepEqual(p.affiliations, ['ائتلاف الوطنية']);
    assert.equal(p.group, false);
  });

  it('gives two quotations to two subjects of one verb', () => {
    const got = quotes('ونفت الوزارة وحليفتها الهيئة أن تكون الأسعار قد ارتفعت.');
    assert.deepEqual(
      got.map((q) => q.speaker),
      ['الوزارة', 'حليفتها الهيئة'],
    );
  });

  it('reads a verbal noun with its speaker in construct', () => {
    const got = quotes('وجاء الرد بعد تصريحات وزير الطاقة الأردني، هالة زواتي، بأن الأسعار ستنخفض قريبا.');
    assert.deepEqual(got, [
      { speaker: 'هالة زواتي', kind: 'indirect', content: 'الأسعار ستنخفض قريبا', verb: 'تصريح' },
    ]);
  });

  it('takes a channel from «جاء ذلك في …» and shares it between a quotation and its participle', () => {
    const got = quotes('وقال الوزير ناصر العلي إن الميناء سيفتح. جاء ذلك في مؤتمر صحفي عقده في الرياض.');
    assert.equal(got[0]?.channel, 'مؤتمر صحفي عقده في الرياض');
    const shared = quotes('وقال المحافظ سعد الهاشمي في بيان إن الكهرباء عادت، مؤكدا أن الإصلاحات ستستمر.');
    assert.deepEqual(
      shared.map((q) => q.channel),
      ['بيان', 'بيان'],
    );
  });

  it('lists the outlets the article cites as sources', () => {
    const r = analyse('وقال المسؤول لوكالة فرانس برس إن الحدود أغلقت، فيما ذكرت قناة الجزيرة أن المعبر فتح.');
    assert.deepEqual(
      r.sources.map((s) => [s.name, s.kind]),
      [
        ['وكالة فرانس برس', 'agency'],
        ['قناة الجزيرة', 'broadcaster'],
      ],
    );
  });
});
