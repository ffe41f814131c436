import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  ByteWriter,
  decodePostings,
  getVarint,
  mergePostingLists,
  PostingListWriter,
  putVarint,
  termEnds,
} from './postings.ts';

/** An article entry's bytes for one term: varint(tf), then the position deltas. */
function termBytes(positions: readonly number[]): Uint8Array {
  const w = new ByteWriter();
  w.varint(positions.length);
  let prev = 0;
  for (const p of positions) {
    w.varint(p - prev);
    prev = p;
  }
  return w.done();
}

const ascending = fc
  .uniqueArray(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 20 })
  .map((xs) => xs.sort((a, b) => a - b));

describe('postings', () => {
  it('reads back every varint it writes, past 32 bits too', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), (v) => {
        const buf = new Uint8Array(10);
        const end = putVarint(buf, 0, v);
        assert.deepEqual(getVarint(buf, 0), [v, end]);
      }),
    );
  });

  it('finds where each term of an article entry ends', () => {
    const a = termBytes([0, 5, 9]);
    const b = termBytes([3]);
    const data = new Uint8Array([...a, ...b]);
    assert.deepEqual([...termEnds(data, 2)], [a.length, a.length + b.length]);
  });

  it('decodes a list as written, with or without positions', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 1e6 }), { maxLength: 30 }),
        ascending,
        (seqs, pos) => {
          seqs.sort((x, y) => x - y);
          const w = new PostingListWriter();
          for (const s of seqs) w.add(s, termBytes(pos));
          const data = w.done();
          assert.equal(w.count, seqs.length);
          assert.deepEqual(
            decodePostings(data, true),
            seqs.map((seq) => ({ seq, tf: pos.length, positions: pos })),
          );
          assert.deepEqual(
            decodePostings(data, false),
            seqs.map((seq) => ({ seq, tf: pos.length })),
          );
        },
      ),
    );
  });

  it('refuses a list out of order', () => {
    const w = new PostingListWriter();
    w.add(5, termBytes([1]));
    assert.throws(() => w.add(5, termBytes([1])));
    assert.throws(() => w.add(3, termBytes([1])));
  });

  it('merges lists in seq order, dropping the articles it is told to, each once', () => {
    const list = (seqs: number[]) => {
      const w = new PostingListWriter();
      for (const s of seqs) w.add(s, termBytes([s % 7, (s % 7) + 3]));
      return w.done();
    };
    // Lists of concurrent writers interleave; one article never sits in two, but a merge must not double it.
    const merged = mergePostingLists([list([2, 9, 30]), list([1, 10, 31]), list([9])], (seq) => seq !== 10);
    assert.deepEqual(
      decodePostings(merged.done(), true).map((p) => [p.seq, p.positions]),
      [1, 2, 9, 30, 31].map((s) => [s, [s % 7, (s % 7) + 3]]),
    );
    assert.equal(merged.count, 5);
  });

  it('reads a truncated list without hanging or throwing', () => {
    const w = new PostingListWriter();
    w.add(300, termBytes([1, 200, 70_000]));
    const data = w.done();
    for (let cut = 0; cut < data.length; cut++)
      assert.doesNotThrow(() => decodePostings(data.subarray(0, cut), true));
  });
});
