import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ActorTable } from '../../actors/actors.ts';
import { defaultPipeline } from '../index.ts';
import type { Mention } from './mentions.ts';
import { groupMentions } from './referents.ts';

const mention = (type: Mention['type'], text: string, start: number): Mention => ({
  type,
  start,
  end: start + text.length,
  text,
  key: text,
  words: text.split(' '),
});

describe('referents', () => {
  const actors = new ActorTable([
    ['isis', 'داعش', 'ISIS', 'armed-group', '-', 'IMGSUNISI', 'Q2429253', 'sure', 'تنظيم الدولة الإسلامية'],
  ]);

  it('one person under a full name and a surname', () => {
    const r = groupMentions(
      [mention('PER', 'العبادي', 0), mention('PER', 'حيدر العبادي', 20), mention('PER', 'العبادي', 40)],
      actors,
    );
    assert.equal(r.length, 1);
    assert.equal(r[0]!.best.text, 'حيدر العبادي');
    assert.equal(r[0]!.mentions.length, 3);
  });

  it('a surname two people share stays apart from both', () => {
    const r = groupMentions(
      [mention('PER', 'أحمد الأسد', 0), mention('PER', 'بشار الأسد', 20), mention('PER', 'الأسد', 40)],
      actors,
    );
    assert.equal(r.length, 3);
  });

  it('names of one actor are one referent, its fullest name first', () => {
    const r = groupMentions(
      [mention('ORG', 'داعش', 0), mention('ORG', 'تنظيم الدولة الإسلامية', 10)],
      actors,
    );
    assert.equal(r.length, 1);
    assert.equal(r[0]!.best.text, 'تنظيم الدولة الإسلامية');
    assert.equal(r[0]!.actor?.wikidata, 'Q2429253');
  });

  it('a one-word organisation is not folded into a longer one', () => {
    const r = groupMentions([mention('ORG', 'الجيش', 0), mention('ORG', 'الجيش السوري', 10)], actors);
    assert.equal(r.length, 2);
  });

  it('the type is the mentions’ majority', () => {
    const r = groupMentions(
      [mention('LOC', 'العراق', 0), mention('ORG', 'العراق', 10), mention('LOC', 'العراق', 20)],
      actors,
    );
    assert.equal(r[0]!.type, 'LOC');
  });
});

describe('entities and places in the pipeline', () => {
  const text =
    'قال رئيس الوزراء العراقي حيدر العبادي في بغداد إن "القوات ستدخل الموصل قريبا". ' +
    'وأضاف العبادي أن تنظيم داعش يخسر مواقعه في مدينة تلعفر وفي الموصل. ' +
    'وكانت قوات سوريا الديمقراطية قد تقدمت نحو الرقة ولسوريا حدود طويلة مع العراق، وفق وكالة الأنباء العراقية.';
  const record = defaultPipeline().analyze({ text, meta: {} });

  it('a speaker is one person and one PER entity, with every mention', () => {
    const per = record.entities.filter((e) => e.type === 'PER');
    assert.equal(per.length, 1, JSON.stringify(per));
    assert.equal(per[0]!.text, 'حيدر العبادي');
    assert.ok((per[0]!.mentions ?? []).some((m) => m.text === 'العبادي'));
    const people = record.people.filter((p) => !p.group);
    assert.equal(people.length, 1);
    assert.equal(per[0]!.person, people[0]!.id);
  });

  it('links organisations to the actor table, under any of their names', () => {
    const isis = record.entities.find((e) => e.text.includes('داعش'));
    assert.equal(isis?.type, 'ORG');
    assert.equal(isis?.wikidata, 'Q2429253');
    assert.equal(isis?.canonical, 'تنظيم الدولة الإسلامية');
    // In the table without a Wikidata id the curators were sure of: linked, no id.
    const sdf = record.entities.find((e) => e.text === 'قوات سوريا الديمقراطية');
    assert.equal(sdf?.type, 'ORG');
    assert.equal(sdf?.canonical, 'قوات سوريا الديمقراطية');
    assert.equal(sdf?.wikidata, undefined);
  });

  it('names an outlet the article cites as an organisation', () => {
    assert.equal(record.entities.find((e) => e.text === 'وكالة الأنباء العراقية')?.type, 'ORG');
  });

  it('puts places on the map, trimmed of their clitics, and by their head nouns', () => {
    const byText = new Map(record.places.map((p) => [p.text, p]));
    assert.equal(byText.get('بغداد')?.country, 'IQ');
    assert.equal(byText.get('الموصل')?.country, 'IQ');
    assert.equal(byText.get('الرقة')?.country, 'SY');
    // «ولسوريا»: the conjunction and preposition are not the name.
    assert.equal(byText.get('سوريا')?.kind, 'country');
    assert.equal(byText.get('تلعفر')?.country, 'IQ');
    for (const p of record.places) assert.equal(text.slice(p.start, p.end), p.text);
    for (const e of record.entities) assert.equal(text.slice(e.start, e.end), e.text);
  });

  it('persons who do not speak join the people list, with the titles written before them', () => {
    const r = defaultPipeline().analyze({
      text: 'التقى وزير الخارجية الروسي سيرغي لافروف في أنقرة. وقال الرئيس الأمريكي دونالد ترامب إن بلاده ستنسحب.',
      meta: {},
    });
    const lavrov = r.people.find((p) => p.name === 'سيرغي لافروف');
    assert.deepEqual(lavrov?.titles, ['وزير الخارجية الروسي']);
    const trump = r.people.find((p) => p.name === 'دونالد ترامب');
    assert.ok(trump?.titles.includes('الرئيس الأمريكي'));
    assert.equal(r.entities.find((e) => e.text === 'سيرغي لافروف')?.person, lavrov?.id);
  });

  it('names meetings by their place and resolutions by their number as MISC', () => {
    const r = defaultPipeline().analyze({
      text: 'وقبيل قمة هلسنكي قال المتحدث إن قرار مجلس الأمن الدولي رقم 2401 لم ينفذ، فيما افتتح مؤتمر ميونخ للأمن أعماله.',
      meta: {},
    });
    const misc = r.entities.filter((e) => e.type === 'MISC').map((e) => e.text);
    assert.deepEqual(misc, ['قمة هلسنكي', 'قرار مجلس الأمن الدولي رقم 2401', 'مؤتمر ميونخ للأمن']);
  });

  it('a place the gazetteer lacks stays an entity, with a diagnostic', () => {
    const r = defaultPipeline().analyze({ text: 'وصل الوفد إلى بلدة كفرزيتونة الصغيرة أمس.', meta: {} });
    const places = new Set(r.places.map((p) => p.text));
    assert.ok(r.diagnostics.some((d) => d.code === 'unresolved-place'));
    for (const e of r.entities.filter((x) => x.type === 'LOC' && !places.has(x.text)))
      assert.ok(r.diagnostics.some((d) => d.code === 'unresolved-place' && d.start === e.start));
  });
});
