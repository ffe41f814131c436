/**
 * A map that keeps at most about `limit` entries, the recently used ones:
 * two generations, and when the young one fills up it becomes the old one
 * and the previous old one is dropped. A hit in the old generation moves to
 * the young. Cheaper than an LRU list and, unlike emptying the whole cache
 * when it fills, it never forgets the frequent words all at once.
 */
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
    this.young.set(key, value);
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }
}
