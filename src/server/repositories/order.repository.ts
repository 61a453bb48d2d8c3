import type { Kysely, Transaction } from 'kysely';
import type { PricedOrder } from '../../domain/pricing';
import type { Database } from '../db/schema';

export type OrderRow = Database['orders'];
export type OrderLineRow = Database['order_lines'];
export type OrderLineOptionRow = Database['order_line_options'];
export type PaymentRow = Database['payments'];

/** An order with everything stored about it, as it sits in the database. */
export type StoredOrder = {
  order: OrderRow;
  lines: OrderLineRow[];
  options: OrderLineOptionRow[];
  payment: PaymentRow;
};

type Db = Kysely<Database> | Transaction<Database>;

/** The line and option rows of a priced order, as stored: names and prices copied as they were charged. */
export function lineRowsOf(orderId: string, priced: PricedOrder): Pick<StoredOrder, 'lines' | 'options'> {
  return {
    lines: priced.lines.map((line, index) => ({
      order_id: orderId,
      line_no: index + 1,
      item_id: line.item.id,
      name_ko: line.item.ko,
      name_en: line.item.en,
      quantity: line.quantity,
      unit_price: line.unitPrice,
      line_total: line.lineTotal,
    })),
    options: priced.lines.flatMap((line, index) =>
      line.options.map((option, position) => ({
        order_id: orderId,
        position,
        line_no: index + 1,
        group_id: option.groupId,
        value_id: option.value.id,
        name_ko: option.value.ko,
        name_en: option.value.en,
        extra_price: option.value.extraPrice,
      })),
    ),
  };
}

export class OrderRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Runs `work` in one transaction: an order is stored whole or not at all. */
  inTransaction<T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  /**
   * Counts the store's day on by one in a single statement. The counter row stays locked until the
   * order's transaction ends, so concurrent orders (other servers included) wait their turn, and a
   * rolled-back order gives its number back.
   */
  async nextOrderNumber(trx: Db, storeId: string, businessDate: string): Promise<number> {
    const row = await trx
      .insertInto('order_counters')
      .values({ store_id: storeId, business_date: businessDate, last_number: 1 })
      .onConflict((conflict) =>
        conflict.columns(['store_id', 'business_date']).doUpdateSet((eb) => ({ last_number: eb('order_counters.last_number', '+', 1) })),
      )
      .returning('last_number')
      .executeTakeFirstOrThrow();
    return row.last_number;
  }

  async insert(trx: Db, stored: StoredOrder): Promise<void> {
    await trx.insertInto('orders').values(stored.order).execute();
    if (stored.lines.length > 0) await trx.insertInto('order_lines').values(stored.lines).execute();
    if (stored.options.length > 0) await trx.insertInto('order_line_options').values(stored.options).execute();
    await trx.insertInto('payments').values(stored.payment).execute();
  }

  async findByIdempotencyKey(key: string, db: Db = this.db): Promise<StoredOrder | null> {
    const order = await db.selectFrom('orders').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
    return order ? this.complete(order, db) : null;
  }

  async findById(id: string): Promise<StoredOrder | null> {
    const order = await this.db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
    return order ? this.complete(order, this.db) : null;
  }

  async findOpen(storeId: string, since: string): Promise<StoredOrder[]> {
    const orders = await this.db
      .selectFrom('orders')
      .selectAll()
      .where('store_id', '=', storeId)
      .where('status', 'in', ['paid', 'ready'])
      .where('created_at', '>=', since)
      .orderBy('created_at')
      .execute();
    return Promise.all(orders.map((order) => this.complete(order, this.db)));
  }

  async findByBusinessDate(storeId: string, businessDate: string): Promise<StoredOrder[]> {
    const orders = await this.db.selectFrom('orders').selectAll().where('store_id', '=', storeId).where('business_date', '=', businessDate).orderBy('created_at', 'desc').execute();
    return Promise.all(orders.map((order) => this.complete(order, this.db)));
  }

  /** Marks a counter payment taken, only if it is still unpaid: two staff cannot take it twice. */
  async markPaid(orderId: string, settledWith: string, at: string): Promise<boolean> {
    const result = await this.db.updateTable('payments').set({ paid_at: at, settled_with: settledWith }).where('order_id', '=', orderId).where('paid_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Cancels the order only if it is not cancelled yet; false when another request did first. */
  async cancel(trx: Db, orderId: string, cancellation: { at: string; by: string; reason: string }): Promise<boolean> {
    const result = await trx
      .updateTable('orders')
      .set({ status: 'cancelled', cancelled_at: cancellation.at, cancelled_by: cancellation.by, cancel_reason: cancellation.reason })
      .where('id', '=', orderId)
      .where('status', '!=', 'cancelled')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async markRefunded(trx: Db, orderId: string, at: string, refundCode: string): Promise<void> {
    await trx.updateTable('payments').set({ refunded_at: at, refund_code: refundCode }).where('order_id', '=', orderId).execute();
  }

  /** Changes the status only if it is still `from`, so two screens cannot move one order twice. */
  async updateStatus(id: string, from: string, to: string): Promise<boolean> {
    const result = await this.db.updateTable('orders').set({ status: to }).where('id', '=', id).where('status', '=', from).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  private async complete(order: OrderRow, db: Db): Promise<StoredOrder> {
    const [lines, options, payment] = await Promise.all([
      db.selectFrom('order_lines').selectAll().where('order_id', '=', order.id).orderBy('line_no').execute(),
      db.selectFrom('order_line_options').selectAll().where('order_id', '=', order.id).orderBy('position').execute(),
      db.selectFrom('payments').selectAll().where('order_id', '=', order.id).executeTakeFirstOrThrow(),
    ]);
    return { order, lines, options, payment };
  }
}
