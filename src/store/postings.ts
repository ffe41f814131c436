/**
 * Posting lists as bytes. The search index is kept in segments, as Lucene
 * and SQLite's FTS5 keep theirs: each write adds one segment holding, for
 * every term its articles use, one list of (article, frequency, positions);
 * segments are merged in the background of later writes (store.ts). A write
 * then appends a few rows instead of inserting a row into the middle of a
 * term-ordered table for every word of every article — the cost that grew
 * with the store.
 *
 * An article's entry (IndexEntry.data) holds, for each of its terms in
 * order, varint(tf) then tf varints: its positions as ascending deltas. A
 * posting list is a run of articles, ascending: varint(seq − previous seq),
 * then the article's bytes for the term, copied as they are.
 */

/** Unsigned LEB128 into `out` at `at`; returns the next offset. */
export function putVarint(out: Uint8Array, at: number, value: number): number {
  let v = value;
  while (v >= 0x80) {
    out[at++] = (v & 0x7f) | 0x80;
    v = Math.floor(v / 128);
  }
  out[at++] = v;
  return at;
}

/** Reads an unsigned LEB128 at `at`: [value, next offset]. A varint cut short ends at the end. */
export function getVarint(bytes: Uint8Array, at: number): [number, number] {
  let v = 0;
  let scale = 1;
  let i = at;
  while (i < bytes.length) {
    const b = bytes[i++]!;
    v += (b & 0x7f) * scale;
    if (!(b & 0x80)) break;
    scale *= 128;
  }
  return [v, i];
}

/** Growable bytes. */
export class ByteWriter {
  private buf: Uint8Array;
  length = 0;

  constructor(capacity = 256) {
    this.buf = new Uint8Array(capacity);
  }

  private room(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    grown.set(this.buf.subarray(0, this.length));
    this.buf = grown;
  }

  varint(v: number): void {
    this.room(10);
    this.length = putVarint(this.buf, this.length, v);
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  done(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

/** Where each term's bytes end in an article entry's data (one offset per term, in order). */
export function termEnds(data: Uint8Array, terms: number): Int32Array {
  const ends = new Int32Array(terms);
  let at = 0;
  for (let k = 0; k < terms; k++) {
    const [tf, next] = getVarint(data, at);
    at = next;
    for (let p = 0; p < tf; p++) at = getVarint(data, at)[1];
    ends[k] = at;
  }
  return ends;
}

/** One article in a posting list. */
export interface Posting {
  readonly seq: number;
  readonly tf: number;
  /** Present when asked for. */
  readonly positions?: number[];
}

/** A posting list built from articles in ascending seq. */
export class PostingListWriter {
  private readonly w = new ByteWriter(64);
  private last = 0;
  count = 0;

  /** `bytes`: the article's bytes for the term (varint tf and the position deltas). */
  add(seq: number, bytes: Uint8Array): void {
    if (seq <= this.last && this.count > 0) throw new Error(`postings: seq ${seq} after ${this.last}`);
    this.w.varint(seq - this.last);
    this.w.bytes(bytes);
    this.last = seq;
    this.count++;
  }

  done(): Uint8Array {
    return this.w.done();
  }
}

/**
 * Each article of a posting list: its seq, and the offsets of its term bytes
 * in `data` — what a merge copies, and what decoding reads.
 */
export function* postingSpans(data: Uint8Array): Generator<{ seq: number; from: number; to: number }> {
  let at = 0;
  let seq = 0;
  while (at < data.length) {
    const [delta, a] = getVarint(data, at);
    seq += delta;
    const from = a;
    const [tf, b] = getVarint(data, a);
    let end = b;
    for (let p = 0; p < tf; p++) end = getVarint(data, end)[1];
    yield { seq, from, to: end };
    at = end;
  }
}

/** The postings of a list; positions only when asked (phrases). */
export function decodePostings(data: Uint8Array, withPositions: boolean): Posting[] {
  const out: Posting[] = [];
  for (const s of postingSpans(data)) {
    const [tf, at] = getVarint(data, s.from);
    if (!withPositions) {
      out.push({ seq: s.seq, tf });
      continue;
    }
    const positions: number[] = [];
    let p = 0;
    let i = at;
    for (let k = 0; k < tf; k++) {
      const [d, next] = getVarint(data, i);
      p += d;
      positions.push(p);
      i = next;
    }
    out.push({ seq: s.seq, tf, positions });
  }
  return out;
}

/**
 * Several lists of one term merged into one, ascending by seq, keeping only
 * articles `keep` accepts (dropping those replaced or removed). An article
 * in two lists (it cannot be, but a merge must not double it) is kept once.
 */
export function mergePostingLists(
  lists: readonly Uint8Array[],
  keep: (seq: number) => boolean,
): PostingListWriter {
  const items: { seq: number; bytes: Uint8Array }[] = [];
  for (const data of lists)
    for (const s of postingSpans(data))
      if (keep(s.seq)) items.push({ seq: s.seq, bytes: data.subarray(s.from, s.to) });
  items.sort((a, b) => a.seq - b.seq);
  const out = new PostingListWriter();
  let last = -1;
  for (const it of items) {
    if (it.seq === last) continue;
    out.add(it.seq, it.bytes);
    last = it.seq;
  }
  return out;
}
