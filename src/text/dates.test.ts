import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dueDate, horizonOf, resolveDate } from './dates.ts';

const whole = (text: string) => ({ text, start: 0, end: text.length });
const date = (text: string, published?: string) => resolveDate(text, whole(text), published);

describe('resolveDate', () => {
  // 2017-02-24 was a Friday.
  const pub = '2017-02-24T10:00:00Z';
  it('explicit dates in both month systems and both digit systems', () => {
    assert.equal(date('وقع الهجوم في 12 شباط/فبراير 2017 قرب الحدود'), '2017-02-12');
    assert.equal(date('في ١٢ كانون الثاني الماضي', pub), '2017-01-12');
    assert.equal(date('يوم 3 يونيو (حزيران) 2014'), '2014-06-03');
    assert.equal(date('بتاريخ 2016/10/17'), '2016-10-17');
    assert.equal(date('بتاريخ 17-10-2016'), '2016-10-17');
  });
  it('days relative to publication', () => {
    assert.equal(date('قصفت الطائرات أمس مواقع', pub), '2017-02-23');
    assert.equal(date('وقال أول من أمس', pub), '2017-02-22');
    assert.equal(date('الاجتماع غدا في بغداد', pub), '2017-02-25');
    assert.equal(date('قال اليوم إن', pub), '2017-02-24');
  });
  it('weekdays: the latest one, the one before, the next', () => {
    assert.equal(date('وأعلن الجيش الأحد أن', pub), '2017-02-19');
    assert.equal(date('في اجتماع الجمعة الماضي', pub), '2017-02-17');
    assert.equal(date('يعقد الأحد المقبل', pub), '2017-02-26');
  });
  it('periods', () => {
    assert.equal(date('في الشهر الماضي', pub), '2017-01');
    assert.equal(date('خلال العام الماضي', '2017-01-05'), '2016');
  });
  it('nothing to resolve, or no publication date for a relative one', () => {
    assert.equal(date('قال الوزير إن', pub), null);
    assert.equal(date('قصفت الطائرات أمس مواقع'), null);
    assert.equal(date('في 31 شباط 2017'), null);
  });
});

describe('horizonOf', () => {
  it('the longer of two horizons', () => {
    assert.deepEqual(horizonOf('بمدة زمنية لا تتجاوز شهرا أو شهرين'), { days: 60 });
  });
  it('counts in digits and words, hours and weeks', () => {
    assert.deepEqual(horizonOf('سيبدأون مهمتهم خلال 24 ساعة'), { days: 1 });
    assert.deepEqual(horizonOf('في غضون ثلاثة أسابيع'), { days: 21 });
    assert.deepEqual(horizonOf('خلال عامين'), { days: 730 });
  });
  it('the end of the year', () => {
    assert.deepEqual(horizonOf('بحلول نهاية العام'), { days: 0, until: 'end-of-year' });
  });
  it('the next week, month or year', () => {
    assert.deepEqual(horizonOf('ستفتتح مدرسة خلال الشهر المقبل'), { days: 0, until: 'end-of-next-month' });
    assert.deepEqual(horizonOf('في العام القادم'), { days: 0, until: 'end-of-next-year' });
    assert.deepEqual(horizonOf('مطلع الأسبوع المقبل'), null, 'no cue before it');
    assert.deepEqual(horizonOf('في مطلع الأسبوع المقبل'), { days: 14 });
    assert.equal(horizonOf('الشهر الماضي'), null);
  });
  it('no forward cue, no horizon', () => {
    assert.equal(horizonOf('منذ شهرين'), null);
    assert.equal(horizonOf('قبل أسبوعين'), null);
    assert.equal(horizonOf('خلال الأيام المقبلة'), null);
  });
  it('due dates from publication', () => {
    assert.equal(dueDate({ days: 60 }, '2017-02-24T10:00:00Z'), '2017-04-25');
    assert.equal(dueDate({ days: 0, until: 'end-of-year' }, '2017-02-24'), '2017-12-31');
    assert.equal(dueDate({ days: 0, until: 'end-of-month' }, '2017-02-24'), '2017-02-28');
    assert.equal(dueDate({ days: 0, until: 'end-of-next-month' }, '2017-12-05'), '2018-01-31');
    assert.equal(dueDate({ days: 0, until: 'end-of-next-month' }, '2017-01-31'), '2017-02-28');
    assert.equal(dueDate({ days: 0, until: 'end-of-next-year' }, '2017-06-01'), '2018-12-31');
    assert.equal(dueDate({ days: 60 }, undefined), null);
  });
});
