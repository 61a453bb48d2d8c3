/**
 * What staff do with an order's money after it is placed: take a counter payment, or cancel the
 * order (refunding a kiosk card payment through the terminal). Every such action is written to the
 * audit log, who, when and why, in the same transaction as the change.
 */
import { randomUUID } from 'node:crypto';
import type { AuditEntryResponse, OrderResponse } from '../../contracts/http';
import { AppError, notFound } from '../errors';
import type { PaymentTerminal } from '../payments/payment-terminal';
import type { AuditLogRepository, AuditRow } from '../repositories/audit-log.repository';
import type { OrderRepository, StoredOrder } from '../repositories/order.repository';
import type { AdminUser } from './admin-auth.service';
import { toOrderResponse, type OrderEvents } from './order.service';

export type SettlementContext = { storeId: string; now: () => Date; staffMayCancel: () => Promise<boolean> };

type AuditAction = AuditEntryResponse['action'];
type AuditDetail = AuditEntryResponse['detail'];

export class OrderSettlementService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly audit: AuditLogRepository,
    private readonly terminal: PaymentTerminal,
    private readonly events: Pick<OrderEvents, 'orderStatusChanged'>,
    private readonly context: SettlementContext,
  ) {}

  /** Staff took a counter order's money (cash or card at the counter): from now on it is revenue. */
  async settle(orderId: string, settledWith: 'cash' | 'card', actor: AdminUser): Promise<OrderResponse> {
    const stored = await this.find(orderId);
    if (stored.order.status === 'cancelled') throw conflict('order_cancelled', `Order ${stored.order.order_number} was cancelled; there is nothing to pay.`);
    const at = this.context.now().toISOString();
    if (stored.payment.paid_at !== null || !(await this.orders.markPaid(orderId, settledWith, at))) {
      throw conflict('already_paid', `Order ${stored.order.order_number} is already paid.`);
    }
    await this.audit.add(this.entry(actor, 'order.settled', stored, null, at, { method: settledWith, amount: stored.payment.amount }));
    return toOrderResponse(await this.find(orderId));
  }

  /**
   * Cancels an order with a reason. A kiosk card payment is refunded through the terminal first (a
   * refused refund cancels nothing); money taken at the counter is handed back there; an unpaid
   * counter order has nothing to give back. The boards hear of it at once.
   */
  async cancel(orderId: string, reason: string, actor: AdminUser): Promise<OrderResponse> {
    if (actor.role !== 'owner' && !(await this.context.staffMayCancel())) {
      throw new AppError(403, 'forbidden', 'Only an owner may cancel orders in this store; an owner can allow staff to in Settings.');
    }
    const stored = await this.find(orderId);
    if (stored.order.status === 'cancelled') throw conflict('already_cancelled', `Order ${stored.order.order_number} is already cancelled.`);
    const refund = await this.refund(stored);
    const at = this.context.now().toISOString();
    const cancelled = await this.orders.inTransaction(async (trx) => {
      if (!(await this.orders.cancel(trx, orderId, { at, by: actor.username, reason }))) return false;
      await this.audit.add(this.entry(actor, 'order.cancelled', stored, reason, at, { amount: stored.payment.amount, status: stored.order.status }), trx);
      if (refund) {
        await this.orders.markRefunded(trx, orderId, at, refund.code);
        await this.audit.add(this.entry(actor, 'order.refunded', stored, reason, at, { amount: stored.payment.amount, via: refund.via, refundCode: refund.code }), trx);
      }
      return true;
    });
    // Another request cancelled it meanwhile; the terminal refunds a reference once, so nothing was paid back twice.
    if (!cancelled) throw conflict('already_cancelled', `Order ${stored.order.order_number} is already cancelled.`);
    const order = toOrderResponse(await this.find(orderId));
    this.events.orderStatusChanged(order);
    return order;
  }

  /** The store's latest audit entries, newest first. */
  async recent(limit = 200): Promise<AuditEntryResponse[]> {
    return (await this.audit.recent(this.context.storeId, limit)).map(toAuditEntry);
  }

  private async refund(stored: StoredOrder): Promise<{ via: 'terminal' | 'counter'; code: string } | null> {
    const { payment, order } = stored;
    if (payment.paid_at === null || payment.refunded_at !== null) return null;
    // Taken at the counter (cash, or the counter's own card reader): handed back there.
    if (payment.method !== 'card') return { via: 'counter', code: '' };
    const result = await this.terminal.refund({ reference: order.idempotency_key, approvalCode: payment.approval_code, amount: payment.amount });
    if (!result.refunded) throw new AppError(409, 'refund_refused', `The card terminal did not refund order ${order.order_number}: ${result.message} Nothing was cancelled.`);
    return { via: 'terminal', code: result.refundCode };
  }

  private async find(orderId: string): Promise<StoredOrder> {
    const stored = await this.orders.findById(orderId);
    if (!stored || stored.order.store_id !== this.context.storeId) throw notFound(`Order ${orderId}`);
    return stored;
  }

  private entry(actor: AdminUser, action: AuditAction, stored: StoredOrder, reason: string | null, at: string, detail: AuditDetail): AuditRow {
    return {
      id: randomUUID(),
      store_id: this.context.storeId,
      at,
      actor: actor.username,
      actor_role: actor.role,
      action,
      order_id: stored.order.id,
      reason,
      detail: JSON.stringify({ orderNumber: stored.order.order_number, businessDate: stored.order.business_date, ...detail }),
    };
  }
}

const conflict = (code: string, message: string) => new AppError(409, code, message);

function toAuditEntry(row: AuditRow): AuditEntryResponse {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    actorRole: row.actor_role,
    action: row.action as AuditAction,
    orderId: row.order_id,
    reason: row.reason,
    detail: JSON.parse(row.detail) as AuditDetail,
  };
}
