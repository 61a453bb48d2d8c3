import receiptline from 'receiptline';
import { describe, expect, it } from 'vitest';
import type { OrderResponse } from '../../contracts/http';
import { stateFromStatus, statusBytesOf, type PrinterState } from './printer-status';
import { toEscPos } from './render-ticket';
import { kitchenTicket, orderTicket, receipt, text } from './ticket-documents';

const context = { storeName: { ko: '늘봄식당', en: 'Neulbom' }, timeZone: 'Asia/Seoul' };
const order: OrderResponse = {
  id: 'o1',
  orderNumber: 7,
  total: 19000,
  status: 'paid',
  diningOption: 'dine_in',
  customerGroup: 'unknown',
  uiMode: 'standard',
  kioskId: 'kiosk-1',
  createdAt: '2026-12-05T03:04:05.000Z',
  lines: [{ itemId: 'x', ko: '특|{별} 김밥', en: 'Gimbap', quantity: 2, unitPrice: 9000, lineTotal: 19000, options: [{ groupId: 'g', valueId: 'v', ko: '곱빼기', en: 'Large', extraPrice: 500 }] }],
  payment: { method: 'counter', approvalCode: '', amount: 19000, paid: false, settledWith: null, refunded: false },
};
/** The ticket as plain text, the way receiptline lays it out on 48 columns. */
const asText = (document: string) => receiptline.transform(document, { command: 'text', encoding: 'ksc5601', cpl: 48 });

describe('ticket documents', () => {
  it('each come out as one slip: the paper is cut once, at the end (a "=" line in ReceiptLine is a cut)', () => {
    const cuts = (document: string) => toEscPos(document).toString('latin1').split('\x1dV').length - 1;
    for (const ticket of [orderTicket, receipt, kitchenTicket]) expect(cuts(ticket(order, context)), ticket.name).toBe(1);
  });

  it('print a dish name as written, whatever ReceiptLine characters it holds', () => {
    expect(asText(orderTicket(order, context))).toContain('특|{별} 김밥 × 2');
    expect(asText(orderTicket(order, context))).toMatch(/^- 곱빼기$/m);
    expect(text('-')).toBe('\\-');
  });

  it('tell a counter order to pay at the counter, and the local time of the order', () => {
    const ticket = asText(orderTicket(order, context));
    expect(ticket).toContain('카운터에서 결제해 주세요');
    expect(ticket).toContain('12:04');
    expect(ticket).not.toContain('카드 결제 완료');
  });

  it('say how a counter order was settled once staff took the money, and that a refunded one was refunded', () => {
    const settled = { ...order, payment: { ...order.payment, paid: true, settledWith: 'cash' as const } };
    expect(asText(orderTicket(settled, context))).toContain('카운터 현금 결제 완료');
    expect(asText(orderTicket(settled, context))).not.toContain('결제해 주세요');
    const refunded = { ...order, payment: { ...order.payment, method: 'card', paid: true, refunded: true } };
    expect(asText(receipt(refunded, context))).toContain('환불됨');
  });

  it('itemise the receipt with unit prices including options, and keep prices off the kitchen ticket', () => {
    expect(asText(receipt(order, context))).toMatch(/9,500원 × 2\s+19,000원/);
    const kitchen = asText(kitchenTicket(order, context));
    // Options print wide on the kitchen ticket: the text layout spaces each wide character out.
    expect(kitchen).toMatch(/^- +곱 +빼 +기/m);
    expect(kitchen).toContain('매장 식사');
    expect(kitchen).not.toContain('원');
  });
});

describe('ESC/POS real-time status', () => {
  it('reads back every state from the bytes a printer in it sends', () => {
    for (const state of ['ready', 'offline', 'paper_out', 'cover_open'] as PrinterState[]) {
      const { offlineCause, paperSensor } = statusBytesOf(state);
      expect(stateFromStatus(offlineCause, paperSensor)).toBe(state);
    }
  });

  it('treats a paper-end sensor alone as out of paper, and near-end as still printing', () => {
    expect(stateFromStatus(0x12, 0x12 | 0x60)).toBe('paper_out');
    expect(stateFromStatus(0x12, 0x12 | 0x0c)).toBe('ready');
  });
});
