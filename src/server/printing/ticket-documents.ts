/**
 * What each printed ticket says, written in ReceiptLine (the receipt description language of the
 * `receiptline` library), which renders one description both as ESC/POS bytes and as an SVG image.
 * Korean first, English second, as everywhere the customer reads.
 */
import type { OrderResponse } from '../../contracts/http';
import { callNumber } from '../../domain/call-number';

export const TICKET_KINDS = ['order', 'receipt', 'kitchen'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

/** Everything a printer may be asked to print: the order's tickets, a test page, a report. */
export type PrintJobKind = TicketKind | 'test' | 'report';

export type TicketContext = { storeName: { ko: string; en: string }; timeZone: string };

const DINING_TEXT: Record<string, string> = { dine_in: '매장 식사 · Dine-in', takeout: '포장 · Takeout' };

/** The customer's ticket: store, the big number they are called by, what they ordered, how it was paid. */
export function orderTicket(order: OrderResponse, context: TicketContext): string {
  return [
    `^${text(context.storeName.ko)}`,
    '주문 번호 · Order number',
    `^^^^${text(callNumber(order))}`,
    `^${text(DINING_TEXT[order.diningOption] ?? order.diningOption)}`,
    '-',
    ...order.lines.flatMap(customerLine),
    '-',
    `합계 · Total | ^${won(order.total)}`,
    text(paymentText(order)),
    text(timeOf(order, context.timeZone)),
  ].join('\n');
}

/** The optional receipt: the same order itemised with unit prices and the card's approval. */
export function receipt(order: OrderResponse, context: TicketContext): string {
  return [
    `^${text(context.storeName.ko)}`,
    `영수증 · Receipt`,
    `${text(timeOf(order, context.timeZone))} | 주문 ${text(callNumber(order))}`,
    '-',
    ...order.lines.flatMap((line) => [
      `${text(line.ko)} | ${won(line.unitPrice + optionsPrice(line))} × ${line.quantity} | ${won(line.lineTotal)}`,
      ...line.options.map((option) => optionLine(`${text(option.ko)}${option.extraPrice ? ` (+${won(option.extraPrice)})` : ''}`)),
    ]),
    '-',
    `합계 · Total | ^${won(order.total)}`,
    text(paymentText(order)),
    ...(order.payment.approvalCode ? [`승인번호 · Approval | ${text(order.payment.approvalCode)}`] : []),
  ].join('\n');
}

/** The kitchen's ticket: the number, each dish large with its options, and where it will be eaten. */
export function kitchenTicket(order: OrderResponse, context: TicketContext): string {
  return [
    `주방 · Kitchen | ${text(timeOf(order, context.timeZone))}`,
    `^^^${text(callNumber(order))} | ^^${text(DINING_TEXT[order.diningOption] ?? order.diningOption)}`,
    // Rules, not "=" (a cut in ReceiptLine): the number and its dishes stay on one slip.
    '-',
    ...order.lines.flatMap((line) => [`^^${text(line.ko)} | ^^× ${line.quantity}`, ...line.options.map((option) => `^${optionLine(text(option.ko))}`)]),
    '-',
  ].join('\n');
}

/** A page that proves the printer, its Korean code page and its cutter work. */
export function testPage(printerName: string, context: TicketContext, at: Date): string {
  return [`^${text(context.storeName.ko)}`, '프린터 시험 인쇄 · Test print', '-', `${text(printerName)}`, '가나다라마바사 아자차카타파하', text(formatTime(at, context.timeZone)), '-'].join('\n');
}

/** Any report (the day's close, say) as a title and `label | value` lines. */
export function reportDocument(title: string, lines: readonly ReportLine[]): string {
  return [`^${text(title)}`, '-', ...lines.map((line) => (typeof line === 'string' ? text(line) : `${text(line.label)} | ${text(line.value)}`)), '-'].join('\n');
}

/** A report line: free text, or a label with its value on the right. */
export type ReportLine = string | { label: string; value: string };

function customerLine(line: OrderResponse['lines'][number]): string[] {
  return [`${text(line.ko)} × ${line.quantity} | ${won(line.lineTotal)}`, ...line.options.map((option) => optionLine(text(option.ko)))];
}

/** An option under its dish, on the left (a ReceiptLine line ending in `|` is left-aligned). */
function optionLine(escaped: string): string {
  return `- ${escaped} |`;
}

function optionsPrice(line: OrderResponse['lines'][number]): number {
  return line.options.reduce((sum, option) => sum + option.extraPrice, 0);
}

/** Renders what the order says about its payment; an order to pay at the counter says so. */
function paymentText(order: OrderResponse): string {
  const { method, paid, settledWith, refunded } = order.payment;
  if (refunded) return '환불됨 · Refunded';
  if (method === 'card') return '카드 결제 완료 · Paid by card';
  if (method !== 'counter') return method;
  if (!paid) return '카운터에서 결제해 주세요 · Please pay at the counter';
  return settledWith === 'cash' ? '카운터 현금 결제 완료 · Paid in cash at the counter' : '카운터 카드 결제 완료 · Paid by card at the counter';
}

function timeOf(order: OrderResponse, timeZone: string): string {
  return formatTime(new Date(order.createdAt), timeZone);
}

function formatTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('ko-KR', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}

function won(amount: number): string {
  return `${amount.toLocaleString('ko-KR')}원`;
}

/** ReceiptLine gives `| { } - = ^ ~ _ " \` and backquote meanings; a dish's name must print as written. */
export function text(value: string): string {
  return value.replace(/[\\|{}~_"`^]/g, (character) => `\\${character}`).replace(/^([-=])/, '\\$1');
}
