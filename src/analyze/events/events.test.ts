import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultPipeline } from '../index.ts';
import type { Word } from '../words.ts';
import { TriggerIndex, verbForms } from './lexicon.ts';

const events = (text: string, published?: string) =>
  defaultPipeline().analyze({ text, meta: published ? { published } : {} }).events;
const types = (text: string) => events(text).map((e) => `${e.type}/${e.status}`);

describe('event lexicon', () => {
  it('regular verb forms, past and present', () => {
    const forms = verbForms('انسحب').map((f) => f.form);
    for (const f of ['انسحب', 'انسحبت', 'انسحبوا', 'ينسحب', 'تنسحبان', 'ينسحبون'])
      assert.ok(forms.includes(f), f);
    assert.ok(verbForms('قصف').find((f) => f.form === 'يقصف')?.present);
  });
  it('phrases with a one-word wildcard and a gap of up to three words', () => {
    const index = new TriggerIndex();
    const t = { type: 'DISAPPROVE', mode: null, cls: 'term' as const, present: false, unless: null };
    index.add('عبرت ~ عن اسفها', t);
    const ws = 'عبرت وزارة الخارجية الكويتية عن اسفها'.split(' ');
    const words = ws.map(
      (w) => ({ fold: w, core: w, stem: w, base: w, nominal: w, arabic: true }) as unknown as Word,
    );
    const hits = index.find(words, new Int32Array(ws.length), (i) => [ws[i]!]);
    assert.equal(hits.length, 1);
    assert.deepEqual([hits[0]!.start, hits[0]!.end], [0, 6]);
  });
});

describe('events', () => {
  it('a verb reports an event by itself, with its mode', () => {
    const [e] = events('قصفت الطائرات الحربية مواقع التنظيم في الرقة.');
    assert.equal(e?.type, 'ASSAULT');
    assert.equal(e?.status, 'happened');
    assert.equal(e?.assertedBy, 'outlet');
  });
  it('a noun needs an anchor: an eventive verb or casualties it caused', () => {
    assert.deepEqual(types('شنت الطائرات غارة على مواقع في الرقة.'), ['ASSAULT/happened']);
    assert.deepEqual(types('قتل خمسة أشخاص في انفجار سيارة مفخخة في بغداد.'), ['ASSAULT/happened']);
    assert.deepEqual(types('يحتاج البلد إلى مكافحة التفجيرات والهجمات.'), []);
    assert.deepEqual(types('وتحدث الكاتب عن ظاهرة الخطف في البلاد.'), []);
  });
  it('status: planned, predicted, denied, ongoing', () => {
    assert.deepEqual(types('وتعتزم الحكومة توجيه ضربات جوية جديدة.'), ['ASSAULT/planned']);
    assert.deepEqual(
      types('وقال إن الجيش سيقصف مواقع المسلحين.').filter((t) => t.startsWith('ASSAULT')),
      ['ASSAULT/predicted'],
    );
    assert.deepEqual(types('ولم تقصف الطائرات المدينة.'), ['ASSAULT/denied']);
    assert.deepEqual(types('وتحاصر القوات المدينة منذ أشهر.'), ['COERCE/ongoing']);
  });
  it('a crowd is a protest only when it gathers, not when it is dispersed', () => {
    assert.deepEqual(types('وتجمع آلاف المتظاهرين أمام البرلمان.'), ['PROTEST/happened']);
    assert.ok(!types('وفرقت الشرطة المتظاهرين بالقوة.').includes('PROTEST/happened'));
  });
  it('actor and target: names, forces with their code, or the phrases around the verb', () => {
    const args = (text: string) => events(text).map((e) => [e.actor?.text, e.actor?.code, e.target?.text]);
    assert.deepEqual(args('وقصفت الطائرات العراقية أمس مواقع في البوكمال.'), [
      ['الطائرات العراقية', 'IRQMIL', 'مواقع'],
    ]);
    assert.deepEqual(args('واغتال مسلحون مجهولون مدير المكتب في النجف.'), [
      ['مسلحون مجهولون', undefined, 'مدير المكتب'],
    ]);
    assert.deepEqual(args('وشنت الطائرات غارات على مواقع المسلحين.'), [
      ['الطائرات', undefined, 'مواقع المسلحين'],
    ]);
    // A count right after «قتل» is who was killed: the verb is passive.
    assert.deepEqual(args('قتل 18 شخصا في انفجار سيارة مفخخة في بغداد.'), [
      [undefined, undefined, '18 شخصا'],
    ]);
  });
  it('a question reports nothing', () => {
    assert.deepEqual(types('هل قصفت الطائرات المدينة؟'), []);
  });
  it('inside a quotation the speaker asserts it', () => {
    const r = defaultPipeline().analyze({ text: 'وقال الوزير إن "الطائرات قصفت مواقع داعش".', meta: {} });
    const e = r.events.find((x) => x.type === 'ASSAULT');
    assert.ok(e);
    assert.equal(e.assertedBy, r.quotes[0]?.speaker);
    assert.equal(e.quote, r.quotes[0]?.id);
  });
  it('evidence and trigger slice to their text; the date resolves against publication', () => {
    const text = 'وقصفت الطائرات العراقية أمس مواقع في البوكمال.';
    const [e] = events(text, '2017-02-24');
    assert.ok(e);
    assert.equal(text.slice(e.evidence.start, e.evidence.end), e.evidence.text);
    assert.equal(text.slice(e.trigger!.start, e.trigger!.end), e.trigger!.text);
    assert.equal(e.date, '2017-02-23');
  });
});
