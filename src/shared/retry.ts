/** When to try an order again and how long to wait: shared by the kiosk's offline sender and the crash test's kiosks. */

/**
 * A status worth retrying with the same idempotency key: the server was overloaded, restarting or
 * behind a proxy that lost it. A 4xx other than these is an answer, and the same request gets the same one.
 */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/**
 * Exponential backoff with jitter: attempt 0 waits up to `baseMs`, each later one up to twice
 * as long, never more than `maxMs`, and at least half of that; the jitter keeps many kiosks from
 * retrying in step.
 */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
