/**
 * The day's close (마감 정산) and sales over any period, from the stored orders: orders, revenue by
 * payment method, counter orders still unpaid, cancellations and refunds, dishes sold, by hour and
 * by day. Pure, so SQLite and PostgreSQL rows give the same report and tests need no server.
 * Revenue is what was paid and not cancelled; dishes count every order that stands (paid or not).
 */
import type { SalesReportResponse } from '../../contracts/http';
import { StoreClock } from '../../recommend/store-clock';

export type ReportOrder = {
  id: string;
  orderNumber: number;
  /** The kiosk's own number for an order taken offline. */
  offlineNumber: string | null;
  businessDate: string;
  createdAt: string;
  status: string;
  total: number;
  method: string;
  settledWith: string | null;
  paidAt: string | null;
  refundedAt: string | null;
  cancelledAt: string | null;
  cancelledBy: string | null;
  cancelReason: string | null;
};
export type ReportLine = { orderId: string; itemId: string; ko: string; quantity: number; lineTotal: number };

/** How money came in: the kiosk's card terminal, or at the counter in cash or by card. */
export const PAYMENT_METHODS = ['kiosk_card', 'counter_cash', 'counter_card', 'counter'] as const;
export type PaymentMethodKey = (typeof PAYMENT_METHODS)[number];

export type Tally = { orders: number; amount: number };

export type SalesReport = SalesReportResponse;

const tally = (): Tally => ({ orders: 0, amount: 0 });
const add = (into: Tally, amount: number) => {
  into.orders += 1;
  into.amount += amount;
};

export function methodOf(order: Pick<ReportOrder, 'method' | 'settledWith'>): PaymentMethodKey {
  if (order.method === 'card') return 'kiosk_card';
  if (order.settledWith === 'cash') return 'counter_cash';
  if (order.settledWith === 'card') return 'counter_card';
  // Counter orders paid before staff recorded how (before migration 0050).
  return 'counter';
}

export function buildSalesReport(orders: ReportOrder[], lines: ReportLine[], period: { from: string; to: string; timeZone: string }): SalesReport {
  const clock = new StoreClock(period.timeZone);
  const report: SalesReport = {
    ...period,
    orders: 0,
    revenue: 0,
    byMethod: Object.fromEntries(PAYMENT_METHODS.map((method) => [method, tally()])) as Record<PaymentMethodKey, Tally>,
    unpaid: { ...tally(), list: [] },
    cancelled: { ...tally(), list: [] },
    refunded: tally(),
    dishes: [],
    byHour: Array.from({ length: 24 }, (_, hour) => ({ hour, ...tally() })),
    byDay: [],
  };
  const days = new Map<string, Tally>();
  const standing = new Set<string>();

  for (const order of [...orders].sort((a, b) => a.createdAt.localeCompare(b.createdAt))) {
    if (order.refundedAt) add(report.refunded, order.total);
    if (order.status === 'cancelled') {
      add(report.cancelled, order.total);
      report.cancelled.list.push({ orderNumber: order.orderNumber, businessDate: order.businessDate, cancelledAt: order.cancelledAt ?? '', by: order.cancelledBy ?? '', reason: order.cancelReason ?? '', total: order.total, refunded: order.refundedAt !== null });
      continue;
    }
    standing.add(order.id);
    report.orders += 1;
    if (order.paidAt === null) {
      add(report.unpaid, order.total);
      report.unpaid.list.push({ orderNumber: order.orderNumber, callNumber: order.offlineNumber ?? String(order.orderNumber), businessDate: order.businessDate, createdAt: order.createdAt, total: order.total });
      continue;
    }
    report.revenue += order.total;
    add(report.byMethod[methodOf(order)], order.total);
    add(report.byHour[clock.hourOf(Date.parse(order.createdAt))]!, order.total);
    const day = days.get(order.businessDate) ?? tally();
    add(day, order.total);
    days.set(order.businessDate, day);
  }

  const dishes = new Map<string, { itemId: string; ko: string; quantity: number; amount: number }>();
  for (const line of lines) {
    if (!standing.has(line.orderId)) continue;
    const dish = dishes.get(line.itemId) ?? { itemId: line.itemId, ko: line.ko, quantity: 0, amount: 0 };
    dish.quantity += line.quantity;
    dish.amount += line.lineTotal;
    dishes.set(line.itemId, dish);
  }
  report.dishes = [...dishes.values()].sort((a, b) => b.quantity - a.quantity || a.itemId.localeCompare(b.itemId));
  report.byDay = [...days.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, day]) => ({ date, ...day }));
  return report;
}
