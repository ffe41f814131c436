import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SpanIndex } from './span-index.ts';

describe('SpanIndex', () => {
  const spans = [
    { start: 10, end: 20, id: 'b' },
    { start: 0, end: 100, id: 'outer' },
    { start: 30, end: 35, id: 'c' },
    { start: 12, end: 15, id: 'inner' },
  ];
  const index = new SpanIndex(spans);
  it('within: wholly inside, in text order', () => {
    assert.deepEqual(
      index.within(10, 36).map((s) => s.id),
      ['b', 'inner', 'c'],
    );
    assert.deepEqual(index.within(13, 30), []);
  });
  it('first: the earliest span wholly inside', () => {
    assert.equal(index.first(10, 36)?.id, 'b');
    assert.equal(index.first(11, 36)?.id, 'inner');
    assert.equal(index.first(13, 30), undefined);
  });
  it('containing: the latest-starting span, the innermost when nested; ends exclusive', () => {
    assert.equal(index.containing(13)?.id, 'inner');
    assert.equal(index.containing(18)?.id, 'b');
    assert.equal(index.containing(20)?.id, 'outer');
    assert.equal(index.containing(100), undefined);
  });
  it('agrees with a linear scan on random spans', () => {
    let seed = 3;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const many = Array.from({ length: 300 }, (_, i) => {
      const start = rnd(1000);
      return { start, end: start + 1 + rnd(40), id: String(i) };
    });
    const idx = new SpanIndex(many);
    for (let k = 0; k < 200; k++) {
      const a = rnd(1000);
      const b = a + rnd(100);
      const linear = many
        .filter((s) => s.start >= a && s.end <= b)
        .map((s) => s.id)
        .sort();
      assert.deepEqual(
        idx
          .within(a, b)
          .map((s) => s.id)
          .sort(),
        linear,
      );
      const holding = many.filter((s) => s.start <= a && a < s.end);
      const latest = Math.max(...holding.map((s) => s.start));
      const got = idx.containing(a);
      assert.equal(got ? got.start : -Infinity, latest);
    }
  });
});
