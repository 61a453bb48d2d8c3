/**
 * A lock in the database, so a scheduled job runs on one server at a time however many run
 * behind the load balancer. It expires, so a server that dies holding it does not stop the job for
 * good; the holder renews it while it works, well within `ttlMs`. Expiry is read from the servers'
 * clocks, so `ttlMs` must be far longer than they can drift apart.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema';

export type JobLockOptions = {
  /** The job, e.g. `train-group-head`. */
  name: string;
  /** This server, e.g. its host name and process id: only the holder renews or releases. */
  holder: string;
  ttlMs: number;
  now?: () => Date;
};

export class JobLock {
  private readonly now: () => Date;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: JobLockOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /**
   * Takes the lock if it is free, has run out, or is already ours, in one statement so two servers
   * cannot both win; true if we hold it now.
   */
  async acquire(): Promise<boolean> {
    const now = this.now();
    const row = await this.db
      .insertInto('job_locks')
      .values({ name: this.options.name, holder: this.options.holder, expires_at: this.expiry(now) })
      .onConflict((conflict) =>
        conflict
          .column('name')
          .doUpdateSet((eb) => ({ holder: eb.ref('excluded.holder'), expires_at: eb.ref('excluded.expires_at') }))
          .where((eb) => eb.or([eb('job_locks.expires_at', '<=', now.toISOString()), eb('job_locks.holder', '=', this.options.holder)])),
      )
      .returning('holder')
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Extends our hold; false if it ran out first (another server may have the job now: stop). */
  async renew(): Promise<boolean> {
    const now = this.now();
    const result = await this.db
      .updateTable('job_locks')
      .set({ expires_at: this.expiry(now) })
      .where('name', '=', this.options.name)
      .where('holder', '=', this.options.holder)
      .where('expires_at', '>', now.toISOString())
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Whether any server holds it now (a job under way somewhere). */
  async isHeld(): Promise<boolean> {
    const row = await this.db.selectFrom('job_locks').select('holder').where('name', '=', this.options.name).where('expires_at', '>', this.now().toISOString()).executeTakeFirst();
    return row !== undefined;
  }

  /** Lets the next server have it at once; a lock another server has taken over is left alone. */
  async release(): Promise<void> {
    await this.db.deleteFrom('job_locks').where('name', '=', this.options.name).where('holder', '=', this.options.holder).execute();
  }

  private expiry(now: Date): string {
    return new Date(now.getTime() + this.options.ttlMs).toISOString();
  }
}
