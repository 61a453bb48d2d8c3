import type { Kysely } from 'kysely';

/**
 * The store a database belongs to, written by the first server that opens it. Until the product
 * serves several stores from one database, a server of another store refuses to start on it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('store_identity')
    .addColumn('store_id', 'text', (col) => col.primaryKey())
    .addColumn('claimed_at', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('store_identity').execute();
}
