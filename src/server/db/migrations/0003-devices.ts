import type { Kysely } from 'kysely';

/** Kiosks and store devices, each with its own revocable credential (only a hash is kept). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('devices')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('store_id', 'text', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('secret_hash', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('orders_store_status').on('orders').columns(['store_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('staff_calls_store_open').on('staff_calls').columns(['store_id', 'acknowledged_at', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('staff_calls_store_open').execute();
  await db.schema.dropIndex('orders_store_status').execute();
  await db.schema.dropTable('devices').execute();
}
