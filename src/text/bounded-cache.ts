/**
 * A map that keeps at most about `limit` entries, the recently used ones:
 * two generations, and when the young one fills up it becomes the old one
 * and the previous old one is dropped. A hit in the old generation moves to
 * the young. Cheaper than an LRU list and, unlike emptying the whole cache
 * when it fills, it never forgets the frequent words all at once.
 */
/**
 * How many words each per-word cache keeps (the segmenter's, the folder's,
 * the tagger's, the search terms'…). News repeats its words: 100,000 forms
 * cover nearly every token of a day's news. ISNAD_WORD_CACHE sets it (a
 * smaller machine: 20,000 costs a few per cent of speed and ~100 MB less
 * per analysis thread).
 */
export const WORD_CACHE_SIZE = (() => {
  const n = Number(process.env.ISNAD_WORD_CACHE);
  return Number.isInteger(n) && n >= 1000 ? n : 100_000;
})();

/**
 * A string that holds its own characters, for a key kept in a long-lived
 * cache. A token's text is a view into the article it was sliced from (V8
 * slices strings of 13 characters or more that way), and a cache keeping
 * such a view would keep the whole article with it. Concatenating copies
 * the characters; slicing the result back views only the copy.
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : `${s}\u0000`.slice(0, -1);
}

export class BoundedCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: K, value: V): void {
    if (this.young.size >= this.limit / 2) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(typeof key === 'string' ? (ownString(key) as K) : key, value);
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }
}
