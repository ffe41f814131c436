import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultPipeline } from '../index.ts';

const analyze = (text: string, published?: string) =>
  defaultPipeline().analyze({ text, meta: published ? { published } : {} });

describe('claims', () => {
  it('a prediction with a horizon becomes due from the publication date', () => {
    const r = analyze('وقال الوزير إن "الجيش سينهي العملية خلال شهرين".', '2017-02-24');
    const [c] = r.claims;
    assert.equal(c?.kind, 'prediction');
    assert.equal(c?.speaker, r.quotes[0]?.speaker);
    assert.equal(c?.quote, r.quotes[0]?.id);
    assert.equal(c?.due, '2017-04-25');
  });
  it('no publication date, no due date', () => {
    const [c] = analyze('وقال الوزير إن "الجيش سينهي العملية خلال شهرين".').claims;
    assert.equal(c?.kind, 'prediction');
    assert.equal(c?.due, undefined);
  });
  it('a statistic counts something; a year does not', () => {
    assert.equal(analyze('وقال المسؤول إن "الهجوم أوقع 12 قتيلا في المدينة".').claims[0]?.kind, 'statistic');
    assert.deepEqual(analyze('وقال المسؤول إن "الاتفاق وقع في عام 2016 في المدينة".').claims, []);
  });
  it('accusations and promises, by their words or their reporting verb', () => {
    assert.equal(
      analyze('واتهم الوزير الجماعة بأنها ارتكبت جريمة بحق المدنيين.').claims[0]?.kind,
      'accusation',
    );
    assert.equal(analyze('وقال الرئيس: "لن نسمح بعودة الإرهاب إلى المدينة".').claims[0]?.kind, 'promise');
  });
  it('clauses: a quote with two statements gives two claims, each slicing to its text', () => {
    const text = 'وقال إن "العراق سينهي حربه خلال شهرين فيما ستستمر الضربات الجوية في الأراضي السورية".';
    const r = analyze(text);
    assert.equal(r.claims.length, 2);
    for (const c of r.claims) assert.equal(text.slice(c.start, c.end), c.text);
    assert.ok(r.claims[0]!.text.endsWith('شهرين'));
  });
  it('a quotation mark opened inside the claim keeps its closing mark', () => {
    const text = 'وأعلن الوزير أن بلاده "ستفتح معبرا جديدا خلال ثلاثة أشهر".';
    const [c] = analyze(text).claims;
    assert.equal(c?.text, 'بلاده "ستفتح معبرا جديدا خلال ثلاثة أشهر"');
  });
  it('outlet narration is not a claim', () => {
    assert.deepEqual(analyze('قتل 12 شخصا في انفجار سيارة مفخخة في بغداد أمس.').claims, []);
  });
});
