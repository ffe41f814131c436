/**
 * Search results kept while the store is unchanged. A newsroom's searches
 * repeat (saved searches, the same names all day, every reader of a story
 * opening it), and a search reads postings over the whole corpus; the same
 * search again costs one look at the store's newest article instead.
 *
 * The store only ever adds articles (an analysis again replaces an article
 * under a new seq), so its highest seq changes with every write, by this
 * process or any other: checked on every search, results are never stale.
 */
import type { SearchOptions, SearchResult, Store } from '../store/store.ts';
import { BoundedCache } from '../text/bounded-cache.ts';

export class SearchCache {
  private readonly results: BoundedCache<string, Promise<SearchResult>>;
  private version: number | null = null;
  hits = 0;
  misses = 0;

  constructor(
    private readonly store: Store,
    size = 1000,
  ) {
    this.results = new BoundedCache(size);
  }

  async search(query: string, options: SearchOptions): Promise<SearchResult> {
    const [row] = await this.store.driver.all<{ v: number | null }>('SELECT MAX(seq) AS v FROM articles');
    const version = Number(row?.v ?? 0);
    if (version !== this.version) {
      this.results.clear();
      this.version = version;
    }
    const key = JSON.stringify([query, Object.entries(options).sort(([a], [b]) => (a < b ? -1 : 1))]);
    const cached = this.results.get(key);
    if (cached) {
      this.hits++;
      return cached;
    }
    this.misses++;
    const result = this.store.search(query, options);
    this.results.set(key, result);
    // A failed search is not remembered.
    result.catch(() => this.results.clear());
    return result;
  }
}
