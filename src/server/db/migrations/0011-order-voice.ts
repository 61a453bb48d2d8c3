import type { Kysely } from 'kysely';

/** Whether the customer used voice ordering, so the console can say how often voice is used. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('orders').addColumn('voice_used', 'integer', (col) => col.notNull().defaultTo(0)).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('orders').dropColumn('voice_used').execute();
}
