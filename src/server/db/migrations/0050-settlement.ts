import { sql, type Kysely } from 'kysely';

/**
 * Counter payment and cancellations. A payment is paid once `paid_at` is set: a kiosk card payment
 * at once, a counter payment when staff take the money (`settled_with`: cash or card). A cancelled
 * order keeps its rows, with when, why and by whom; a refunded payment keeps the refund's code.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One column per statement: SQLite adds only one at a time.
  for (const column of ['paid_at', 'settled_with', 'refunded_at', 'refund_code']) {
    await db.schema.alterTable('payments').addColumn(column, 'text').execute();
  }
  for (const column of ['cancelled_at', 'cancelled_by', 'cancel_reason']) {
    await db.schema.alterTable('orders').addColumn(column, 'text').execute();
  }
  // Before this, counter orders were counted as paid (staff took the money): they stay so.
  await sql`update payments set paid_at = created_at`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['cancel_reason', 'cancelled_by', 'cancelled_at']) await db.schema.alterTable('orders').dropColumn(column).execute();
  for (const column of ['refund_code', 'refunded_at', 'settled_with', 'paid_at']) await db.schema.alterTable('payments').dropColumn(column).execute();
}
