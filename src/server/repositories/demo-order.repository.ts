import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { StoredOrder } from './order.repository';

/** Generated demo orders carry idempotency keys with this prefix; a kiosk's keys never do (they are UUIDs). */
export const DEMO_KEY_PREFIX = 'demo-';

/** Writes generated order history in bulk, and finds or removes it again by its key prefix. */
export class DemoOrderRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async count(storeId: string): Promise<number> {
    const row = await this.demoOrders(storeId).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirst();
    return Number(row?.count ?? 0);
  }

  /** Whether the store has any order at all, real or generated. */
  async storeHasOrders(storeId: string): Promise<boolean> {
    return (await this.db.selectFrom('orders').select('id').where('store_id', '=', storeId).limit(1).executeTakeFirst()) !== undefined;
  }

  /** Removes every demo order of the store with its lines, options and payment, in one transaction. */
  async deleteAll(storeId: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const ids = trx.selectFrom('orders').select('id').where('store_id', '=', storeId).where('idempotency_key', 'like', `${DEMO_KEY_PREFIX}%`);
      await trx.deleteFrom('order_line_options').where('order_id', 'in', ids).execute();
      await trx.deleteFrom('order_lines').where('order_id', 'in', ids).execute();
      await trx.deleteFrom('payments').where('order_id', 'in', ids).execute();
      await trx.deleteFrom('orders').where('id', 'in', ids).execute();
    });
  }

  /** The highest order number given out on each business day from `fromDate` on, so generated numbers follow them. */
  async lastOrderNumbers(storeId: string, fromDate: string): Promise<Map<string, number>> {
    const rows = await this.db
      .selectFrom('orders')
      .select((eb) => ['business_date', eb.fn.max('order_number').as('last')])
      .where('store_id', '=', storeId)
      .where('business_date', '>=', fromDate)
      .groupBy('business_date')
      .execute();
    return new Map(rows.map((row) => [row.business_date, Number(row.last)]));
  }

  /** Many orders in one transaction, each table a few rows per statement (SQLite takes at most 32,766 values a statement). */
  async insertBatch(orders: readonly StoredOrder[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const rows of chunks(orders.map((stored) => stored.order))) await trx.insertInto('orders').values(rows).execute();
      for (const rows of chunks(orders.flatMap((stored) => stored.lines))) await trx.insertInto('order_lines').values(rows).execute();
      for (const rows of chunks(orders.flatMap((stored) => stored.options))) await trx.insertInto('order_line_options').values(rows).execute();
      for (const rows of chunks(orders.map((stored) => stored.payment))) await trx.insertInto('payments').values(rows).execute();
      // The day's counter moves past the generated numbers, so the next kiosk order follows them.
      const lastNumbers = new Map<string, { store_id: string; business_date: string; last_number: number }>();
      for (const { order } of orders) {
        const key = `${order.store_id} ${order.business_date}`;
        if ((lastNumbers.get(key)?.last_number ?? 0) < order.order_number) lastNumbers.set(key, { store_id: order.store_id, business_date: order.business_date, last_number: order.order_number });
      }
      for (const rows of chunks([...lastNumbers.values()])) {
        await trx
          .insertInto('order_counters')
          .values(rows)
          .onConflict((conflict) =>
            conflict.columns(['store_id', 'business_date']).doUpdateSet({
              last_number: sql<number>`case when excluded.last_number > order_counters.last_number then excluded.last_number else order_counters.last_number end`,
            }),
          )
          .execute();
      }
    });
  }

  private demoOrders(storeId: string) {
    return this.db.selectFrom('orders').where('store_id', '=', storeId).where('idempotency_key', 'like', `${DEMO_KEY_PREFIX}%`);
  }
}

/** Rows per statement: the widest table (orders, 13 columns) stays under SQLite's limit on values. */
const ROWS_PER_STATEMENT = 1000;

function chunks<T>(rows: readonly T[]): T[][] {
  const chunked: T[][] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) chunked.push(rows.slice(start, start + ROWS_PER_STATEMENT));
  return chunked;
}
