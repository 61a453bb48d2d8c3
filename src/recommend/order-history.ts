/** Past orders as the recommender learns from them: when, who, which dishes. */
import type { CustomerGroup } from '../domain/order-rules';

export type HistoryItem = { itemId: string; quantity: number };

export type HistoryOrder = {
  id: string;
  /** Epoch milliseconds. */
  createdAt: number;
  group: CustomerGroup;
  items: HistoryItem[];
};

/** One order line, as stored (`orders` joined with `order_lines`) or read from an order-history CSV. */
export type HistoryLine = { orderId: string; createdAt: number; group: CustomerGroup; itemId: string; quantity: number };

/** Lines → orders, in the order each order first appears; one item on two lines (other options) is summed. */
export function ordersFromLines(lines: Iterable<HistoryLine>): HistoryOrder[] {
  const orders = new Map<string, HistoryOrder>();
  for (const line of lines) {
    let order = orders.get(line.orderId);
    if (!order) {
      order = { id: line.orderId, createdAt: line.createdAt, group: line.group, items: [] };
      orders.set(line.orderId, order);
    }
    const same = order.items.find((item) => item.itemId === line.itemId);
    if (same) same.quantity += line.quantity;
    else order.items.push({ itemId: line.itemId, quantity: line.quantity });
  }
  return [...orders.values()];
}

/** Orders oldest first, split in time: the first `share` of them to learn from, the rest to check against (never the other way). */
export function splitInTime(orders: readonly HistoryOrder[], share: number): { earlier: HistoryOrder[]; later: HistoryOrder[] } {
  // Stable: orders at the same instant keep their order.
  const chronological = [...orders].sort((a, b) => a.createdAt - b.createdAt);
  const count = Math.floor(chronological.length * share);
  return { earlier: chronological.slice(0, count), later: chronological.slice(count) };
}
