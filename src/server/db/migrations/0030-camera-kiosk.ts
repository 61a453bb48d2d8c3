import type { Kysely } from 'kysely';

/** The kiosk a camera device watches: it may report decisions for that kiosk only (null for other kinds). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('devices').addColumn('kiosk_id', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('devices').dropColumn('kiosk_id').execute();
}
