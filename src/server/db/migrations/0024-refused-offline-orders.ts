import type { Kysely } from 'kysely';

/**
 * A staff call a kiosk makes by itself when the server refused an order it took offline: the
 * customer holds that number (e.g. `K1-7`) and will come to the counter, so staff must know.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('staff_calls').addColumn('refused_offline_number', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('staff_calls').dropColumn('refused_offline_number').execute();
}
