/**
 * A token bucket per client address: `burst` requests at once, refilled at
 * `perMinute`. For the analyse endpoint, which costs CPU a client can spend
 * without storing anything. In memory: one server process (behind a proxy
 * that spreads clients over several, each counts its own).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly perMinute: number,
    readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Take a token for `client`: 0 when allowed, else the seconds to wait. */
  take(client: string): number {
    const t = this.now();
    const rate = this.perMinute / 60_000;
    let b = this.buckets.get(client);
    if (!b) {
      if (this.buckets.size > 10_000) this.sweep(t);
      b = { tokens: this.burst, at: t };
      this.buckets.set(client, b);
    }
    b.tokens = Math.min(this.burst, b.tokens + (t - b.at) * rate);
    b.at = t;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000));
  }

  /** Forget clients whose buckets are full again (they would start full anyway). */
  private sweep(t: number): void {
    const rate = this.perMinute / 60_000;
    for (const [k, b] of this.buckets) if (b.tokens + (t - b.at) * rate >= this.burst) this.buckets.delete(k);
  }
}
