import type { Kysely } from 'kysely';

/**
 * Staff reading the recognizer's phrases (issue 28): one row per take, the audio itself under the
 * file store's private folder. `consent_at` is when the speaker ticked the consent box.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('voice_recordings')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('store_id', 'text', (col) => col.notNull())
    .addColumn('speaker', 'text', (col) => col.notNull())
    .addColumn('phrase', 'text', (col) => col.notNull())
    .addColumn('audio_key', 'text', (col) => col.notNull())
    .addColumn('duration_ms', 'integer', (col) => col.notNull())
    .addColumn('consent_at', 'text', (col) => col.notNull())
    .addColumn('recorded_by', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('voice_recordings_speaker').on('voice_recordings').columns(['store_id', 'speaker', 'phrase']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('voice_recordings').execute();
}
