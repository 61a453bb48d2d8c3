import type { Kysely } from 'kysely';
import type { AnalysedLine, AnalysedOrder } from '../analytics/order-analytics';
import type { Database } from '../db/schema';

/** Reads a period's orders and lines for the console's analytics: revenue only, so paid and not cancelled. */
export class AnalyticsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async ordersSince(storeId: string, since: string): Promise<{ orders: AnalysedOrder[]; lines: AnalysedLine[] }> {
    const [orders, lines] = await Promise.all([
      this.revenueOrders(storeId, since)
        .select(['orders.id', 'orders.created_at', 'orders.business_date', 'orders.customer_group', 'orders.total', 'orders.ui_mode', 'orders.voice_used'])
        .execute(),
      this.revenueOrders(storeId, since)
        .innerJoin('order_lines', 'orders.id', 'order_lines.order_id')
        .select(['order_lines.order_id', 'order_lines.item_id', 'order_lines.name_ko', 'order_lines.quantity'])
        .execute(),
    ]);
    return {
      orders: orders.map((row) => ({ id: row.id, createdAt: row.created_at, businessDate: row.business_date, group: row.customer_group, total: Number(row.total), uiMode: row.ui_mode, voiceUsed: Number(row.voice_used) === 1 })),
      lines: lines.map((row) => ({ orderId: row.order_id, itemId: row.item_id, ko: row.name_ko, quantity: Number(row.quantity) })),
    };
  }

  /** A counter order still to pay, or a cancelled one, is not revenue. */
  private revenueOrders(storeId: string, since: string) {
    return this.db
      .selectFrom('orders')
      .innerJoin('payments', 'payments.order_id', 'orders.id')
      .where('orders.store_id', '=', storeId)
      .where('orders.created_at', '>=', since)
      .where('orders.status', '!=', 'cancelled')
      .where('payments.paid_at', 'is not', null);
  }
}
