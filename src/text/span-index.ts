/**
 * Spans sorted for lookup by offset, so that components asking «which quote
 * holds this word?» or «which names lie in this clause?» once per event stay
 * linear in long articles (a 20 MB file has hundreds of thousands of both).
 */
export interface Spanned {
  readonly start: number;
  readonly end: number;
}

export class SpanIndex<T extends Spanned> {
  private readonly items: T[];
  /** The largest end among items[0..i]: how far back a span may still reach. */
  private readonly reach: number[];

  constructor(items: Iterable<T>) {
    this.items = [...items].sort((a, b) => a.start - b.start || a.end - b.end);
    let max = -1;
    this.reach = this.items.map((s) => (max = Math.max(max, s.end)));
  }

  /** The index of the first item starting at or after `offset`. */
  private lowerBound(offset: number): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Items lying wholly inside [start, end), in text order. */
  within(start: number, end: number): T[] {
    const out: T[] = [];
    for (let i = this.lowerBound(start); i < this.items.length && this.items[i]!.start < end; i++)
      if (this.items[i]!.end <= end) out.push(this.items[i]!);
    return out;
  }

  /** The first item (in text order) lying wholly inside [start, end), or undefined. */
  first(start: number, end: number): T | undefined {
    for (let i = this.lowerBound(start); i < this.items.length && this.items[i]!.start < end; i++)
      if (this.items[i]!.end <= end) return this.items[i];
    return undefined;
  }

  /**
   * The item holding `offset` (start <= offset < end) that starts last —
   * for nested spans, the innermost — or undefined. It stops at the first
   * found, so overlapping long spans (a quotation running to the end of a
   * long sentence) cost one step, not one per span.
   */
  containing(offset: number): T | undefined {
    for (let i = this.lowerBound(offset + 1) - 1; i >= 0 && this.reach[i]! > offset; i--) {
      const s = this.items[i]!;
      if (s.start <= offset && offset < s.end) return s;
    }
    return undefined;
  }
}
