/**
 * How a device page's list changes with each message. Messages may arrive twice or late (QoS 1,
 * a reload racing a message), so applying one is idempotent and an order never moves backwards.
 */
import type { StaffCallResponse } from '../../../contracts/http';
import { ORDER_STATUSES } from '../../../domain/order-rules';
import type { OrderMessage, OrderTicket, StaffCallMessage } from '../../../iot/messages';

const rank = (status: string) => ORDER_STATUSES.indexOf(status as (typeof ORDER_STATUSES)[number]);

/** Open orders (paid or ready), oldest first; a cancelled order leaves. */
export function applyOrderMessage(orders: OrderTicket[], { order }: OrderMessage): OrderTicket[] {
  // Cancelled at any step: off the boards at once.
  if (order.status === 'cancelled') return orders.filter((candidate) => candidate.id !== order.id);
  const known = orders.find((candidate) => candidate.id === order.id);
  if (known && rank(known.status) >= rank(order.status)) return orders;
  const others = orders.filter((candidate) => candidate.id !== order.id);
  const open = order.status === 'picked_up' ? others : [...others, order];
  return open.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** Calls nobody has answered, oldest first. */
export function applyStaffCallMessage(calls: StaffCallResponse[], { event, call }: StaffCallMessage): StaffCallResponse[] {
  const others = calls.filter((candidate) => candidate.id !== call.id);
  if (event === 'acknowledged' || call.acknowledgedAt !== null) return others;
  return calls.some((candidate) => candidate.id === call.id) ? calls : [...others, call].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
