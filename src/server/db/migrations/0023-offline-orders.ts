import type { Kysely } from 'kysely';

/**
 * The number a kiosk gave out while it could not reach the server (e.g. `K1-7`). The order still
 * gets the day's server number, but staff call the customer by the number on their screen.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('orders').addColumn('offline_number', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('orders').dropColumn('offline_number').execute();
}
