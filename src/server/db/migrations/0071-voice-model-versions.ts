import type { Kysely } from 'kysely';

/**
 * Each voice model 음성 학습 kept (issue 28), with the held-out numbers that let it in; one is
 * `active` (what kiosks load), earlier ones `retired` and available for rollback. The model and its
 * card are in the file store; no row at all means the shipped model.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('voice_model_versions')
    .addColumn('version', 'text', (col) => col.primaryKey())
    .addColumn('store_id', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('model_key', 'text', (col) => col.notNull())
    .addColumn('scores', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('activated_at', 'text')
    .execute();
  await db.schema.createIndex('voice_model_versions_store').on('voice_model_versions').columns(['store_id', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('voice_model_versions').execute();
}
