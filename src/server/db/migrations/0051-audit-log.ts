import type { Kysely } from 'kysely';

/** Who did what to the store's money and when, and why: cancellations, refunds, counter payments. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('store_id', 'text', (col) => col.notNull())
    .addColumn('at', 'text', (col) => col.notNull())
    .addColumn('actor', 'text', (col) => col.notNull())
    .addColumn('actor_role', 'text', (col) => col.notNull())
    .addColumn('action', 'text', (col) => col.notNull())
    .addColumn('order_id', 'text')
    .addColumn('reason', 'text')
    .addColumn('detail', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('audit_log_store_at').on('audit_log').columns(['store_id', 'at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('audit_log').execute();
}
