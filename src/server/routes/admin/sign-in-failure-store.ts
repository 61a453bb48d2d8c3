/**
 * A store for @fastify/rate-limit that keeps the sign-in failure counts in the database, so
 * several servers behind a load balancer share one limit (its own store is per process). A count
 * is one row per key, counted up in one statement, so servers racing cannot lose a failure.
 */
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

type Counted = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Counted) => void;
type Row = { failures: number; window_started_at: string };

export function signInFailureStore(db: Kysely<Database>, now: () => Date): FastifyRateLimitStoreCtor {
  const counted = (row: Row | undefined, timeWindow: number, at: Date): Counted => {
    const left = row ? Date.parse(row.window_started_at) + timeWindow - at.getTime() : 0;
    return row && left > 0 ? { current: Number(row.failures), ttl: left } : { current: 0, ttl: timeWindow };
  };

  /** One more failure for the key; a window that has run out is forgotten first, so it starts again. */
  const countFailure = async (key: string, timeWindow: number): Promise<Counted> => {
    const at = now();
    // Rows of finished windows say nothing any more (and names typed once would pile up).
    await db.deleteFrom('sign_in_failures').where('window_started_at', '<=', new Date(at.getTime() - timeWindow).toISOString()).execute();
    const row = await db
      .insertInto('sign_in_failures')
      .values({ key, failures: 1, window_started_at: at.toISOString() })
      .onConflict((conflict) => conflict.column('key').doUpdateSet((eb) => ({ failures: eb('sign_in_failures.failures', '+', 1) })))
      .returning(['failures', 'window_started_at'])
      .executeTakeFirstOrThrow();
    return counted(row, timeWindow, at);
  };

  const readFailures = async (key: string, timeWindow: number): Promise<Counted> => {
    const at = now();
    return counted(await db.selectFrom('sign_in_failures').select(['failures', 'window_started_at']).where('key', '=', key).executeTakeFirst(), timeWindow, at);
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
