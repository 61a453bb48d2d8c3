import { createHash, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { AdminOrdersResponse, OrderRequest, OrderResponse } from '../../contracts/http';
import { nextStatus, previousStatus, type OrderStatus } from '../../domain/order-rules';
import { priceOrder, type PricedOrder } from '../../domain/pricing';
import type { Database } from '../db/schema';
import { AppError, invalidOrder, notFound } from '../errors';
import type { PaymentTerminal } from '../payments/payment-terminal';
import { lineRowsOf, type OrderRepository, type StoredOrder } from '../repositories/order.repository';
import type { MenuService } from './menu.service';

/** `allowsCounterPayment`: the owner's setting, read per order so a change applies to the next customer. */
export type OrderContext = { storeId: string; timeZone: string; now: () => Date; allowsCounterPayment: () => Promise<boolean> };

export type PlacedOrder = { order: OrderResponse; replayed: boolean };

/**
 * What is stored with an order in its transaction, so it exists exactly when the order does (its
 * printed tickets); answers what to do once the transaction commits.
 */
export type StoredWithOrder = (trx: Transaction<Database>, order: OrderResponse) => Promise<() => void>;

/** Who hears of orders once they are stored: the kitchen display and pickup board, over MQTT. */
export type OrderEvents = {
  orderCreated(order: OrderResponse): void;
  orderStatusChanged(order: OrderResponse): void;
  orderStatusUndone(order: OrderResponse): void;
  orderCalledAgain(order: OrderResponse): void;
  /** A card was charged for an order that could not be stored, and the terminal would not give it back: staff must. */
  chargeNotCancelled(kioskId: string): void;
};

/**
 * Places orders: price on the server, charge the terminal, then store the order whole in one
 * transaction before its number is given out. An Idempotency-Key makes retries safe.
 */
export class OrderService {
  constructor(
    private readonly menus: MenuService,
    private readonly orders: OrderRepository,
    private readonly terminal: PaymentTerminal,
    private readonly context: OrderContext,
    private readonly events: OrderEvents,
    private readonly storedWithOrder: StoredWithOrder,
  ) {}

  /** `kioskId`: the kiosk that took it, as the API authenticated it. */
  async placeOrder(request: OrderRequest, kioskId: string, idempotencyKey: string | undefined): Promise<PlacedOrder> {
    const key = idempotencyKey ?? randomUUID();
    const requestHash = fingerprint(request);
    const caller = { kioskId, offline: request.offline !== undefined };
    const earlier = await this.replay(key, requestHash, caller);
    if (earlier) return earlier;

    const pricing = priceOrder(await this.menus.getMenu(), request.items, { acceptSoldOut: request.offline !== undefined });
    if (!pricing.ok) throw invalidOrder(pricing.problems);
    // Checked before the card is charged: an amount the database cannot store must never be paid.
    if (pricing.order.lines.some((line) => line.lineTotal > MAX_STORED_AMOUNT) || pricing.order.total > MAX_STORED_AMOUNT) {
      throw invalidOrder([{ path: 'items', message: `The order's total is more than one order may be (${MAX_STORED_AMOUNT.toLocaleString('en')}); ask staff at the counter.` }]);
    }

    const payment = await this.takePayment(request, pricing.order.total, key);
    const stored = this.toStoredOrder(request, kioskId, pricing.order, key, requestHash, payment);
    let committed: () => void;
    try {
      committed = await this.orders.inTransaction(async (trx) => {
        stored.order.order_number = await this.orders.nextOrderNumber(trx, stored.order.store_id, stored.order.business_date);
        await this.orders.insert(trx, stored);
        return this.storedWithOrder(trx, toOrderResponse(stored));
      });
    } catch (error) {
      // Two requests with one key raced: the other one stored the order, so answer with it.
      const raced = await this.replay(key, requestHash, caller);
      if (raced) return raced;
      await this.cancelCharge(payment, pricing.order.total, key, kioskId, error);
      throw error;
    }
    committed();
    const order = toOrderResponse(stored);
    this.events.orderCreated(order);
    return { order, replayed: false };
  }

  /**
   * An offline order is always paid at the counter (the kiosk took it without the server); an
   * online one there only if the owner allows it. Either way nothing is charged yet.
   */
  private async takePayment(request: OrderRequest, amount: number, key: string): Promise<Payment> {
    if (request.offline) return COUNTER_PAYMENT;
    if (request.payment?.method !== 'counter') return this.chargeCard(request, amount, key);
    if (!(await this.context.allowsCounterPayment())) {
      throw new AppError(403, 'counter_payment_off', 'This store takes payment at the kiosk only; please pay by card.');
    }
    return COUNTER_PAYMENT;
  }

  /**
   * 망취소: the card was charged for an order that could not be stored, so the charge is given back
   * before the kiosk hears of the failure (it then offers the card again, or the counter). A charge
   * the terminal will not give back is for staff: they are called to the kiosk, and it says so.
   */
  private async cancelCharge(payment: Payment, amount: number, key: string, kioskId: string, failure: unknown): Promise<void> {
    if (payment.method !== 'card') return;
    const refund = await this.terminal.refund({ reference: key, approvalCode: payment.approvalCode, amount }).catch((error: unknown) => ({ refunded: false as const, message: String(error) }));
    if (!refund.refunded) {
      this.events.chargeNotCancelled(kioskId);
      throw new AppError(502, 'charge_not_cancelled', `The order could not be stored, and the card payment (approval ${payment.approvalCode}) could not be cancelled: ${refund.message} Please ask staff.`, undefined, failure);
    }
  }

  private async chargeCard(request: OrderRequest, amount: number, key: string): Promise<Payment> {
    const charge = await this.terminal.charge({
      amount,
      reference: key,
      ...(request.payment?.cardToken ? { cardToken: request.payment.cardToken } : {}),
    });
    if (!charge.approved) throw new AppError(402, `payment_${charge.reason}`, charge.message);
    return { method: 'card', terminal: this.terminal.name, approvalCode: charge.approvalCode };
  }

  /** The store's orders not yet handed over, oldest first, for the kitchen and the pickup board. */
  async openOrders(storeId: string): Promise<OrderResponse[]> {
    const since = new Date(this.context.now().getTime() - OPEN_ORDER_WINDOW_MS).toISOString();
    return (await this.orders.findOpen(storeId, since)).map(toOrderResponse);
  }

  /**
   * One store day's orders, newest first, with the day's count and revenue (today by default):
   * revenue is what was paid and not cancelled; counter orders still to pay are counted apart.
   */
  async dayOrders(storeId: string, businessDate = this.today()): Promise<AdminOrdersResponse> {
    const orders = (await this.orders.findByBusinessDate(storeId, businessDate)).map(toOrderResponse);
    const standing = orders.filter((order) => order.status !== 'cancelled');
    const paid = standing.filter((order) => order.payment.paid);
    const unpaid = standing.filter((order) => !order.payment.paid);
    return {
      businessDate,
      orders,
      summary: {
        count: standing.length,
        revenue: sumOf(paid),
        unpaid: unpaid.length,
        unpaidAmount: sumOf(unpaid),
        cancelled: orders.length - standing.length,
      },
    };
  }

  /** The store's business day now. */
  today(): string {
    return localDate(this.context.now(), this.context.timeZone);
  }

  /** Moves an order one step on (paid → ready → picked_up); anything else is a conflict. */
  async advance(id: string, storeId: string, to: OrderStatus): Promise<OrderResponse> {
    const stored = await this.orders.findById(id);
    if (!stored || stored.order.store_id !== storeId) throw notFound(`Order ${id}`);
    if (nextStatus(stored.order.status) !== to || !(await this.orders.updateStatus(id, stored.order.status, to))) {
      throw new AppError(409, 'order_status_conflict', `Order ${stored.order.order_number} is ${stored.order.status}; it cannot become ${to}.`);
    }
    const order = toOrderResponse({ ...stored, order: { ...stored.order, status: to } });
    this.events.orderStatusChanged(order);
    return order;
  }

  /** Takes back the step that made the order `from` (a tap on the wrong card); only while it still is `from`. */
  async undo(id: string, storeId: string, from: OrderStatus): Promise<OrderResponse> {
    const stored = await this.findInStore(id, storeId);
    const back = previousStatus(from);
    if (stored.order.status !== from || back === null || !(await this.orders.updateStatus(id, from, back))) {
      throw new AppError(409, 'order_status_conflict', `Order ${stored.order.order_number} is ${stored.order.status}; its step to ${from} cannot be undone.`);
    }
    const order = toOrderResponse({ ...stored, order: { ...stored.order, status: back } });
    this.events.orderStatusUndone(order);
    return order;
  }

  /** Calls a ready order's number again on the pickup board (the customer did not come). */
  async callAgain(id: string, storeId: string): Promise<OrderResponse> {
    const stored = await this.findInStore(id, storeId);
    if (stored.order.status !== 'ready') throw new AppError(409, 'order_not_ready', `Order ${stored.order.order_number} is ${stored.order.status}; only a ready order is called.`);
    const order = toOrderResponse(stored);
    this.events.orderCalledAgain(order);
    return order;
  }

  private async findInStore(id: string, storeId: string): Promise<StoredOrder> {
    const stored = await this.orders.findById(id);
    if (!stored || stored.order.store_id !== storeId) throw notFound(`Order ${id}`);
    return stored;
  }

  /** One of this store's orders, for the console. */
  async storeOrder(id: string): Promise<OrderResponse> {
    return toOrderResponse(await this.findInStore(id, this.context.storeId));
  }

  async getOrder(id: string): Promise<OrderResponse> {
    const stored = await this.orders.findById(id);
    if (!stored) throw notFound(`Order ${id}`);
    return toOrderResponse(stored);
  }

  /**
   * The order stored under this key, for a retry of the same order. Keys belong to their store and
   * their kiosk: another store, or another kiosk placing a card order, meets a conflict, never the
   * order. The one exception is a kiosk that was paired again while it held orders taken offline:
   * it sends them under its new id, and learns their numbers, but not another kiosk's approval code.
   */
  private async replay(key: string, requestHash: string, caller: { kioskId: string; offline: boolean }): Promise<PlacedOrder | null> {
    const stored = await this.orders.findByIdempotencyKey(key);
    if (!stored) return null;
    const sameKiosk = stored.order.kiosk_id === caller.kioskId;
    if (stored.order.request_hash !== requestHash || stored.order.store_id !== this.context.storeId || !(sameKiosk || caller.offline)) {
      throw new AppError(409, 'idempotency_key_reused', 'This Idempotency-Key was already used for a different order.');
    }
    const order = toOrderResponse(stored);
    return { order: sameKiosk ? order : { ...order, payment: { ...order.payment, approvalCode: '' } }, replayed: true };
  }

  private toStoredOrder(
    request: OrderRequest,
    kioskId: string,
    priced: PricedOrder,
    idempotencyKey: string,
    requestHash: string,
    payment: Payment,
  ): StoredOrder {
    const id = randomUUID();
    const now = this.context.now();
    const createdAt = now.toISOString();
    return {
      order: {
        id,
        order_number: 0,
        business_date: localDate(now, this.context.timeZone),
        store_id: this.context.storeId,
        kiosk_id: kioskId,
        status: 'paid',
        dining_option: request.diningOption,
        customer_group: request.customerGroup ?? 'unknown',
        ui_mode: request.uiMode ?? 'standard',
        voice_used: request.voiceUsed ? 1 : 0,
        total: priced.total,
        idempotency_key: idempotencyKey,
        request_hash: requestHash,
        created_at: createdAt,
        offline_number: request.offline?.number ?? null,
        cancelled_at: null,
        cancelled_by: null,
        cancel_reason: null,
      },
      ...lineRowsOf(id, priced),
      payment: {
        id: randomUUID(),
        order_id: id,
        method: payment.method,
        terminal: payment.terminal,
        amount: priced.total,
        approval_code: payment.approvalCode,
        created_at: createdAt,
        paid_at: payment.method === 'card' ? createdAt : null,
        settled_with: null,
        refunded_at: null,
        refund_code: null,
      },
    };
  }
}

type Payment = { method: 'card' | 'counter'; terminal: string; approvalCode: string };

/**
 * Paid at the counter: chosen by the customer, or an order the kiosk took offline (the card
 * terminal sits behind the server). Unpaid, and not revenue, until staff take the money.
 */
const COUNTER_PAYMENT: Payment = { method: 'counter', terminal: 'counter', approvalCode: '' };

/** Amounts are stored as 32-bit integers (PostgreSQL's integer). */
const MAX_STORED_AMOUNT = 2_147_483_647;

/** An order still open after a day was forgotten by staff; the boards stop showing it. */
const OPEN_ORDER_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The calendar day in the store's time zone, as YYYY-MM-DD. */
export function localDate(moment: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(moment);
}

/**
 * What the order is, not how it is paid: a kiosk whose card payment timed out sends the same key
 * again as an offline order, and if the first attempt did reach the server, that (charged) order is
 * the answer, not a conflict and not a second order.
 */
function fingerprint({ payment: _payment, offline: _offline, ...order }: OrderRequest): string {
  return createHash('sha256').update(canonicalJson(order)).digest('hex');
}

/** JSON with object keys sorted, so the same order always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sumOf = (orders: OrderResponse[]) => orders.reduce((sum, order) => sum + order.total, 0);

export function toOrderResponse({ order, lines, options, payment }: StoredOrder): OrderResponse {
  return {
    id: order.id,
    orderNumber: order.order_number,
    ...(order.offline_number ? { offlineNumber: order.offline_number } : {}),
    total: order.total,
    status: order.status,
    diningOption: order.dining_option,
    customerGroup: order.customer_group,
    uiMode: order.ui_mode,
    kioskId: order.kiosk_id,
    createdAt: order.created_at,
    lines: lines.map((line) => ({
      itemId: line.item_id,
      ko: line.name_ko,
      en: line.name_en,
      quantity: line.quantity,
      unitPrice: line.unit_price,
      lineTotal: line.line_total,
      options: options
        .filter((option) => option.line_no === line.line_no)
        .map((option) => ({
          groupId: option.group_id,
          valueId: option.value_id,
          ko: option.name_ko,
          en: option.name_en,
          extraPrice: option.extra_price,
        })),
    })),
    ...(order.cancelled_at ? { cancellation: { at: order.cancelled_at, by: order.cancelled_by ?? '', reason: order.cancel_reason ?? '' } } : {}),
    payment: {
      method: payment.method,
      approvalCode: payment.approval_code,
      amount: payment.amount,
      paid: payment.paid_at !== null,
      settledWith: payment.settled_with === 'cash' || payment.settled_with === 'card' ? payment.settled_with : null,
      refunded: payment.refunded_at !== null,
    },
  };
}
