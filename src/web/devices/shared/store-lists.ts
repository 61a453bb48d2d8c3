/**
 * How a device page's list changes with each message. Messages may arrive twice or late (QoS 1,
 * a reload racing a message), so applying one is idempotent and an order never moves backwards
 * unless the kitchen undid a step.
 */
import type { StaffCallResponse } from '../../../contracts/http';
import { ORDER_STATUSES } from '../../../domain/order-rules';
import type { OrderMessage, OrderTicket, StaffCallMessage } from '../../../iot/messages';

const rank = (status: string) => ORDER_STATUSES.indexOf(status as (typeof ORDER_STATUSES)[number]);

/** An open order on a board, with how often staff called its number again. */
export type BoardOrder = OrderTicket & { timesCalledAgain?: number };

/** Open orders (paid or ready), oldest first; a cancelled order leaves. */
export function applyOrderMessage(orders: BoardOrder[], { event, order }: OrderMessage): BoardOrder[] {
  // Cancelled at any step: off the boards at once.
  if (order.status === 'cancelled') return orders.filter((candidate) => candidate.id !== order.id);
  const known = orders.find((candidate) => candidate.id === order.id);
  if (event === 'called') {
    return known ? orders.map((candidate) => (candidate === known ? { ...known, timesCalledAgain: (known.timesCalledAgain ?? 0) + 1 } : candidate)) : orders;
  }
  // An undo is the one step back, and says so; any other message that would move back is stale.
  if (known && event !== 'undone' && rank(known.status) >= rank(order.status)) return orders;
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
