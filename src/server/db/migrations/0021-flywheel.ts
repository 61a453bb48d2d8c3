import type { Kysely } from 'kysely';

/**
 * The data flywheel's two tables. `camera_decisions` logs every camera decision (never an image:
 * at most the face's numbers, and a crop's file-store key only when the store collects images).
 * `face_samples` holds labelled faces for training: auto-labelled or reviewed decisions, and
 * imported datasets. Features are `encodeFeatures` as base64 and numbers double precision, so SQLite
 * and PostgreSQL store the same.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('camera_decisions')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('store_id', 'text', (col) => col.notNull())
    .addColumn('kiosk_id', 'text', (col) => col.notNull())
    .addColumn('decided_at', 'text', (col) => col.notNull())
    .addColumn('group', 'text', (col) => col.notNull())
    .addColumn('confidence', 'double precision', (col) => col.notNull())
    .addColumn('model_version', 'text', (col) => col.notNull())
    .addColumn('latency_ms', 'double precision')
    .addColumn('override', 'text')
    .addColumn('override_at', 'text')
    .addColumn('features', 'text')
    .addColumn('crop_key', 'text')
    .addColumn('label_status', 'text', (col) => col.notNull())
    .addColumn('label', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text')
    .execute();
  await db.schema.createIndex('camera_decisions_time').on('camera_decisions').columns(['store_id', 'decided_at']).execute();
  await db.schema.createIndex('camera_decisions_queue').on('camera_decisions').columns(['label_status', 'decided_at']).execute();
  await db.schema
    .createTable('face_samples')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('source', 'text', (col) => col.notNull())
    .addColumn('decision_id', 'text')
    .addColumn('dataset', 'text')
    .addColumn('file', 'text')
    .addColumn('group', 'text', (col) => col.notNull())
    .addColumn('age', 'integer')
    .addColumn('gender', 'text')
    .addColumn('label_source', 'text', (col) => col.notNull())
    .addColumn('features', 'text', (col) => col.notNull())
    .addColumn('image_key', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('face_samples_created').on('face_samples').columns(['created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('face_samples').execute();
  await db.schema.dropTable('camera_decisions').execute();
}
