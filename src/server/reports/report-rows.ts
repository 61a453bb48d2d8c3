/**
 * A sales report as one flat table (section, key, label, orders, amount): what the CSV holds row by
 * row and what the Excel workbook splits into one sheet per section. Labels are Korean first.
 */
import type { PaymentMethodKey, SalesReport } from './sales-report';

export const REPORT_SECTIONS = ['summary', 'method', 'unpaid', 'cancelled', 'dish', 'hour', 'day'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export type ReportRow = { section: ReportSection; key: string; label: string; orders: number | null; amount: number | null };

export const SECTION_TITLES: Record<ReportSection, string> = {
  summary: '요약 Summary',
  method: '결제수단 By method',
  unpaid: '미결제 Unpaid',
  cancelled: '취소·환불 Cancelled',
  dish: '메뉴별 Dishes',
  hour: '시간대별 By hour',
  day: '일별 By day',
};

export const METHOD_LABELS: Record<PaymentMethodKey, string> = {
  kiosk_card: '키오스크 카드 Kiosk card',
  counter_cash: '카운터 현금 Counter cash',
  counter_card: '카운터 카드 Counter card',
  counter: '카운터 (방법 미기록) Counter',
};

export function reportRows(report: SalesReport): ReportRow[] {
  const row = (section: ReportSection, key: string, label: string, orders: number | null, amount: number | null): ReportRow => ({ section, key, label, orders, amount });
  return [
    row('summary', 'period', `기간 Period ${report.from}~${report.to}`, null, null),
    row('summary', 'orders', '주문 Orders', report.orders, null),
    row('summary', 'revenue', '매출 Revenue', null, report.revenue),
    row('summary', 'unpaid', '미결제 Unpaid', report.unpaid.orders, report.unpaid.amount),
    row('summary', 'cancelled', '취소 Cancelled', report.cancelled.orders, report.cancelled.amount),
    row('summary', 'refunded', '환불 Refunded', report.refunded.orders, report.refunded.amount),
    ...Object.entries(report.byMethod).map(([method, tally]) => row('method', method, METHOD_LABELS[method as PaymentMethodKey], tally.orders, tally.amount)),
    ...report.unpaid.list.map((order) => row('unpaid', `${order.businessDate}#${order.orderNumber}`, `${order.callNumber}번 ${order.createdAt}`, 1, order.total)),
    ...report.cancelled.list.map((order) =>
      row('cancelled', `${order.businessDate}#${order.orderNumber}`, `${order.orderNumber}번 ${order.reason} (${order.by}${order.refunded ? ', 환불 refunded' : ''})`, 1, order.total),
    ),
    ...report.dishes.map((dish) => row('dish', dish.itemId, dish.ko, dish.quantity, dish.amount)),
    ...report.byHour.filter((hour) => hour.orders > 0).map((hour) => row('hour', String(hour.hour).padStart(2, '0'), `${hour.hour}시`, hour.orders, hour.amount)),
    ...report.byDay.map((day) => row('day', day.date, day.date, day.orders, day.amount)),
  ];
}
