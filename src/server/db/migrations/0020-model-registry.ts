import type { Kysely } from 'kysely';

/**
 * The model registry: every trained version with its metrics, parameters, curve and lineage, which one
 * is active, and each training run (so a run killed halfway is seen, not lost). Artifacts live in the
 * file store; rows point at them by content hash.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('model_versions')
    .addColumn('model', 'text', (col) => col.notNull())
    .addColumn('version', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('activated_at', 'text')
    .addColumn('previous_version', 'text')
    .addColumn('artifact_id', 'text', (col) => col.notNull())
    .addColumn('metrics', 'text', (col) => col.notNull())
    .addColumn('params', 'text', (col) => col.notNull())
    .addColumn('curve', 'text')
    .addColumn('lineage', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('model_versions_pk', ['model', 'version'])
    .execute();
  await db.schema
    .createTable('training_runs')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('model', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('pid', 'integer')
    .addColumn('started_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('error', 'text')
    .addColumn('version', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('training_runs').execute();
  await db.schema.dropTable('model_versions').execute();
}
