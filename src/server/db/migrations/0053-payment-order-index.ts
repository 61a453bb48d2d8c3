import type { Kysely } from 'kysely';

/**
 * Payments are read by their order (an order's details, the day's close); without this index each
 * read scanned every payment: a month's report of 15k orders took seconds per day (`npm run bench`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('payments_order').on('payments').column('order_id').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('payments_order').execute();
}
