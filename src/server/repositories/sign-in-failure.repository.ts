import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export type SignInFailures = { failures: number; window_started_at: string };

/** Failed console sign-ins per key in its current window (`routes/admin/sign-in-failure-store.ts`). */
export class SignInFailureRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Forgets windows started at or before `windowOver` (they say nothing any more, and names typed once would pile up). */
  async forgetWindowsBefore(windowOver: string): Promise<void> {
    await this.db.deleteFrom('sign_in_failures').where('window_started_at', '<=', windowOver).execute();
  }

  /** One more failure, in one statement, so servers racing cannot lose one; a new key's window starts `at`. */
  async countFailure(key: string, at: string): Promise<SignInFailures> {
    return this.db
      .insertInto('sign_in_failures')
      .values({ key, failures: 1, window_started_at: at })
      .onConflict((conflict) => conflict.column('key').doUpdateSet((eb) => ({ failures: eb('sign_in_failures.failures', '+', 1) })))
      .returning(['failures', 'window_started_at'])
      .executeTakeFirstOrThrow();
  }

  async find(key: string): Promise<SignInFailures | undefined> {
    return this.db.selectFrom('sign_in_failures').select(['failures', 'window_started_at']).where('key', '=', key).executeTakeFirst();
  }
}
