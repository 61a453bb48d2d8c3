/**
 * A fixed-window budget per key (a kiosk, a device): `count` uses per `windowMs`. Simple, and
 * enough where the aim is to stop a flood, not to shape traffic.
 */
export class RateBudget {
  private readonly spent = new Map<string, { windowStart: number; count: number }>();

  constructor(
    private readonly limit: { count: number; windowMs: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** Spends one use of `key`'s budget; false when it is used up for this window. */
  spend(key: string): boolean {
    const now = this.now();
    const current = this.spent.get(key);
    const window = current && now - current.windowStart < this.limit.windowMs ? current : { windowStart: now, count: 0 };
    window.count += 1;
    this.spent.set(key, window);
    return window.count <= this.limit.count;
  }

  /** Seconds until `key`'s window ends, for Retry-After. */
  retryAfterSeconds(key: string): number {
    const current = this.spent.get(key);
    return current ? Math.max(1, Math.ceil((current.windowStart + this.limit.windowMs - this.now()) / 1000)) : 1;
  }
}
