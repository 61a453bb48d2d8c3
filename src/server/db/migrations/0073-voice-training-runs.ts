import type { Kysely } from 'kysely';

/**
 * Each 학습 시작 run and how it ended (its verdict and held-out numbers as JSON), so the console
 * shows the last run after a restart and on every server of a chain, and one run at a time is
 * allowed across them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('voice_training_runs')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('store_id', 'text', (col) => col.notNull())
    .addColumn('state', 'text', (col) => col.notNull())
    .addColumn('started_at', 'text', (col) => col.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('message', 'text')
    .addColumn('result', 'text')
    .execute();
  await db.schema.createIndex('voice_training_runs_store').on('voice_training_runs').columns(['store_id', 'started_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('voice_training_runs').execute();
}
