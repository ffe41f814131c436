import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { WordTable } from './word-table.ts';

describe('WordTable', () => {
  it('finds keys by substring without slicing, across growth', () => {
    const t = new WordTable<number>(2);
    const words = Array.from({ length: 500 }, (_, i) => `كلمة${i}`);
    words.forEach((w, i) => {
      t.set(w, i);
    });
    const text = ` ${words.join(' ')} `;
    let at = 1;
    words.forEach((w, i) => {
      assert.equal(t.get(text, at, at + w.length), i);
      at += w.length + 1;
    });
    assert.equal(t.get('كلمة', 0, 4), undefined);
    assert.equal(t.size, 500);
  });
  it('agrees with a Map (1,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.integer())),
        fc.string({ maxLength: 6 }),
        (entries, probe) => {
          const t = new WordTable<number>();
          const m = new Map<string, number>();
          for (const [k, v] of entries) {
            t.set(k, v);
            m.set(k, v);
          }
          for (const k of [...m.keys(), probe]) assert.equal(t.get(`«${k}»`, 1, 1 + k.length), m.get(k));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
