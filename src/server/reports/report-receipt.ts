/**
 * The day's close as plain text for a receipt printer: lines no wider than the paper's columns
 * (42 on 80 mm paper), Korean counted as two columns, as the printer's Korean font prints it.
 * The printer driver turns the lines into bytes; this only decides what they say.
 */
import stringWidth from 'string-width';
import { METHOD_LABELS, SECTION_TITLES } from './report-rows';
import type { PaymentMethodKey, SalesReport } from './sales-report';

export const RECEIPT_COLUMNS = 42;

export type ReceiptText = { header: string[]; rows: string[] };

const won = (amount: number) => `${amount.toLocaleString('ko-KR')}원`;

/** Cuts text to at most `columns` display columns. */
function fit(text: string, columns: number): string {
  let out = '';
  for (const character of text) {
    if (stringWidth(out + character) > columns) break;
    out += character;
  }
  return out;
}

/** Label on the left, value on the right; the label gives way when both do not fit. */
export function receiptRow(label: string, value: string, columns = RECEIPT_COLUMNS): string {
  const right = fit(value, columns);
  const left = fit(label, Math.max(0, columns - stringWidth(right) - 1));
  return `${left}${' '.repeat(columns - stringWidth(left) - stringWidth(right))}${right}`;
}

function centred(text: string, columns: number): string {
  const fitted = fit(text, columns);
  return `${' '.repeat(Math.floor((columns - stringWidth(fitted)) / 2))}${fitted}`;
}

export function dayReportReceipt(report: SalesReport, storeName: string, columns = RECEIPT_COLUMNS): ReceiptText {
  const rule = '-'.repeat(columns);
  const counted = (orders: number, amount: number) => `${orders}건 ${won(amount)}`;
  const section = (title: string) => [rule, fit(title, columns)];
  const period = report.from === report.to ? report.from : `${report.from} ~ ${report.to}`;
  return {
    header: [centred(storeName, columns), centred('마감 정산 Day close', columns), centred(period, columns)],
    rows: [
      rule,
      receiptRow('주문 Orders', `${report.orders}건`, columns),
      receiptRow('매출 Revenue', won(report.revenue), columns),
      receiptRow('미결제 Unpaid', counted(report.unpaid.orders, report.unpaid.amount), columns),
      receiptRow('취소 Cancelled', counted(report.cancelled.orders, report.cancelled.amount), columns),
      receiptRow('환불 Refunded', counted(report.refunded.orders, report.refunded.amount), columns),
      ...section(SECTION_TITLES.method),
      ...Object.entries(report.byMethod)
        .filter(([, tally]) => tally.orders > 0)
        .map(([method, tally]) => receiptRow(METHOD_LABELS[method as PaymentMethodKey], counted(tally.orders, tally.amount), columns)),
      ...(report.unpaid.list.length > 0 ? section(SECTION_TITLES.unpaid) : []),
      ...report.unpaid.list.map((order) => receiptRow(`${order.callNumber}번`, won(order.total), columns)),
      ...(report.cancelled.list.length > 0 ? section(SECTION_TITLES.cancelled) : []),
      ...report.cancelled.list.map((order) => receiptRow(`${order.orderNumber}번 ${order.reason}`, `${order.refunded ? '환불 ' : ''}${won(order.total)}`, columns)),
      ...section(SECTION_TITLES.dish),
      ...report.dishes.map((dish) => receiptRow(`${dish.ko} x${dish.quantity}`, won(dish.amount), columns)),
      ...section(SECTION_TITLES.hour),
      ...report.byHour.filter((hour) => hour.orders > 0).map((hour) => receiptRow(`${String(hour.hour).padStart(2, '0')}시`, counted(hour.orders, hour.amount), columns)),
      rule,
    ],
  };
}
