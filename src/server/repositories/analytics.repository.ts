import type { Kysely } from 'kysely';
import type { AnalysedLine, AnalysedOrder } from '../analytics/order-analytics';
import type { Database } from '../db/schema';

/** Reads a period's orders and lines for the console's analytics. */
export class AnalyticsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async ordersSince(storeId: string, since: string): Promise<{ orders: AnalysedOrder[]; lines: AnalysedLine[] }> {
    const [orders, lines] = await Promise.all([
      this.db
        .selectFrom('orders')
        .select(['id', 'created_at', 'business_date', 'customer_group', 'total', 'ui_mode', 'voice_used'])
        .where('store_id', '=', storeId)
        .where('created_at', '>=', since)
        .execute(),
      this.db
        .selectFrom('order_lines')
        .innerJoin('orders', 'orders.id', 'order_lines.order_id')
        .select(['order_lines.order_id', 'order_lines.item_id', 'order_lines.name_ko', 'order_lines.quantity'])
        .where('orders.store_id', '=', storeId)
        .where('orders.created_at', '>=', since)
        .execute(),
    ]);
    return {
      orders: orders.map((row) => ({ id: row.id, createdAt: row.created_at, businessDate: row.business_date, group: row.customer_group, total: Number(row.total), uiMode: row.ui_mode, voiceUsed: Number(row.voice_used) === 1 })),
      lines: lines.map((row) => ({ orderId: row.order_id, itemId: row.item_id, ko: row.name_ko, quantity: Number(row.quantity) })),
    };
  }
}
