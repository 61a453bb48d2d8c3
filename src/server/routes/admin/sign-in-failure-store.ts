/**
 * A store for @fastify/rate-limit that keeps the sign-in failure counts in the database, so
 * several servers behind a load balancer share one limit (its own store is per process).
 */
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { SignInFailureRepository, SignInFailures } from '../../repositories/sign-in-failure.repository';

type Counted = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Counted) => void;

export function signInFailureStore(failures: SignInFailureRepository, now: () => Date): FastifyRateLimitStoreCtor {
  const counted = (row: SignInFailures | undefined, timeWindow: number, at: Date): Counted => {
    const left = row ? Date.parse(row.window_started_at) + timeWindow - at.getTime() : 0;
    return row && left > 0 ? { current: Number(row.failures), ttl: left } : { current: 0, ttl: timeWindow };
  };

  /**
   * One more failure for the key; a window that has run out is forgotten first, so it starts again.
   * Every key's window is forgotten by this one length: both sign-in limits use the same window.
   */
  const countFailure = async (key: string, timeWindow: number): Promise<Counted> => {
    const at = now();
    await failures.forgetWindowsBefore(new Date(at.getTime() - timeWindow).toISOString());
    return counted(await failures.countFailure(key, at.toISOString()), timeWindow, at);
  };

  const readFailures = async (key: string, timeWindow: number): Promise<Counted> => {
    const at = now();
    return counted(await failures.find(key), timeWindow, at);
  };

  // The plugin calls back, node style.
  const answer = (work: Promise<Counted>, callback: Callback) => void work.then((result) => callback(null, result), (error: Error) => callback(error));

  return class SignInFailureStore implements FastifyRateLimitStore {
    incr(key: string, callback: Callback, timeWindow: number): void {
      answer(countFailure(key, timeWindow), callback);
    }

    read(key: string, callback: Callback, timeWindow: number): void {
      answer(readFailures(key, timeWindow), callback);
    }

    child(): this {
      return this;
    }
  };
}
