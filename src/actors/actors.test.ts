import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ActorTable, actorTable } from './actors.ts';

describe('actor table', () => {
  const t = actorTable();

  it('has at least 150 actors, most with a Wikidata id', () => {
    assert.ok(t.size >= 150, `${t.size} actors`);
  });

  it('finds an actor by any of its names, however the hamza and teh marbuta are written', () => {
    const isis = t.match('داعش');
    assert.ok(isis);
    assert.equal(t.match('تنظيم الدولة الإسلامية'), isis);
    assert.equal(t.match('الدولة الاسلامية في العراق والشام'), isis);
    assert.equal(t.match('قسد'), t.match('قوات سوريا الديمقراطية'));
    assert.equal(t.match('الحشد الشعبي'), t.match('قوات الحشد الشعبي'));
    assert.ok(t.match('هيئة تحرير الشام'));
    assert.equal(t.match('الحكومة'), undefined);
  });

  it('gives only Wikidata ids the curators were sure of', () => {
    const own = new ActorTable([
      ['a', 'ألف', 'A', 'party', 'IQ', '-', 'Q1', 'sure', '-'],
      ['b', 'باء', 'B', 'party', 'IQ', '-', 'Q2', 'unsure', 'بي'],
    ]);
    assert.equal(own.match('ألف')?.wikidata, 'Q1');
    assert.equal(own.match('بي')?.wikidata, null);
    assert.equal(own.match('بي')?.canonical, 'باء');
  });
});
