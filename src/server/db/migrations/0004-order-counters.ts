import { sql, type Kysely } from 'kysely';

/**
 * The last order number given out per store and day. Taking max+1 from `orders` lets two
 * transactions on PostgreSQL read the same max; one counter row updated in the order's transaction
 * makes them wait for each other instead (the unique constraint on orders stays as the backstop).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('order_counters')
    .addColumn('store_id', 'text', (col) => col.notNull())
    .addColumn('business_date', 'text', (col) => col.notNull())
    .addColumn('last_number', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('order_counters_pk', ['store_id', 'business_date'])
    .execute();
  await sql`insert into order_counters (store_id, business_date, last_number)
    select store_id, business_date, max(order_number) from orders group by store_id, business_date`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('order_counters').execute();
}
