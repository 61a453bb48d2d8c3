import type { Kysely } from 'kysely';
import { CUSTOMER_GROUPS, type CustomerGroup } from '../../domain/order-rules';
import type { HistoryLine } from '../../recommend/order-history';
import type { Database } from '../db/schema';

/** Past order lines as the recommender learns from them (recommend/order-history.ts). */
export class OrderHistoryRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The store's order lines placed at or after `since` (ISO), oldest first. */
  async linesSince(storeId: string, since: string): Promise<HistoryLine[]> {
    const rows = await this.db
      .selectFrom('orders')
      .innerJoin('order_lines', 'order_lines.order_id', 'orders.id')
      .select(['orders.id', 'orders.created_at', 'orders.customer_group', 'order_lines.item_id', 'order_lines.quantity'])
      .where('orders.store_id', '=', storeId)
      .where('orders.created_at', '>=', since)
      .orderBy('orders.created_at')
      .orderBy('order_lines.line_no')
      .execute();
    return rows.map((row) => ({ orderId: row.id, createdAt: Date.parse(row.created_at), group: customerGroup(row.customer_group), itemId: row.item_id, quantity: row.quantity }));
  }
}

function customerGroup(stored: string): CustomerGroup {
  return (CUSTOMER_GROUPS as readonly string[]).includes(stored) ? (stored as CustomerGroup) : 'unknown';
}
