import type { Kysely } from 'kysely';

/**
 * What started each training run: `schedule` (the server's retraining schedule), `manual` (the
 * console's "train now") or `cli` (`kiosk model train` by hand). Older rows were all `cli`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('training_runs').addColumn('trigger', 'text', (col) => col.notNull().defaultTo('cli')).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('training_runs').dropColumn('trigger').execute();
}
