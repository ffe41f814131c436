/**
 * A hash table keyed by substrings of a larger string, looked up without
 * slicing: `get(text, start, end)` hashes and compares the characters in
 * place. On news text it is about twice as fast as a Map keyed by freshly
 * sliced token strings, which must be hashed and then compared anyway; the
 * per-token caches on the hot path use it.
 */
import { ownString } from './bounded-cache.ts';

export class WordTable<T> {
  private slots: Int32Array;
  private mask: number;
  private readonly keys: string[] = [];
  private readonly values: T[] = [];

  constructor(initialCapacity = 1024) {
    let size = 16;
    while (size < initialCapacity * 2) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  get size(): number {
    return this.keys.length;
  }

  /** The value stored for `text.slice(start, end)`, or undefined. */
  get(text: string, start: number, end: number): T | undefined {
    const len = end - start;
    let h = hashRange(text, start, end) & this.mask;
    for (;;) {
      const id = this.slots[h]!;
      if (id < 0) return undefined;
      const key = this.keys[id]!;
      if (key.length === len && equalsRange(key, text, start)) return this.values[id];
      h = (h + 1) & this.mask;
    }
  }

  set(key: string, value: T): void {
    if ((this.keys.length + 1) * 2 > this.slots.length) this.grow();
    let h = hashRange(key, 0, key.length) & this.mask;
    for (;;) {
      const id = this.slots[h]!;
      if (id < 0) break;
      if (this.keys[id] === key) {
        this.values[id] = value;
        return;
      }
      h = (h + 1) & this.mask;
    }
    this.slots[h] = this.keys.length;
    this.keys.push(ownString(key));
    this.values.push(value);
  }

  clear(): void {
    this.slots.fill(-1);
    this.keys.length = 0;
    this.values.length = 0;
  }

  private grow(): void {
    const size = this.slots.length * 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let id = 0; id < this.keys.length; id++) {
      const key = this.keys[id]!;
      let h = hashRange(key, 0, key.length) & this.mask;
      while (this.slots[h] !== -1) h = (h + 1) & this.mask;
      this.slots[h] = id;
    }
  }
}

/** FNV-1a over UTF-16 code units. */
function hashRange(s: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function equalsRange(key: string, text: string, start: number): boolean {
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}
