/** The day's close from hand-made orders: what is revenue, how it splits, and the files and receipt it becomes. */
import { parse } from 'csv-parse/sync';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../test-support/workbook';
import { CSV_COLUMNS, reportCsv, reportWorkbook } from './report-export';
import { dayReportReceipt, receiptRow, RECEIPT_COLUMNS } from './report-receipt';
import { buildSalesReport, type ReportLine, type ReportOrder } from './sales-report';

const base = { offlineNumber: null, businessDate: '2026-11-28', status: 'picked_up', settledWith: null, refundedAt: null, cancelledAt: null, cancelledBy: null, cancelReason: null };
// 03:10Z is 12:10 in Seoul, 09:05Z is 18:05.
const orders: ReportOrder[] = [
  { ...base, id: 'a', orderNumber: 1, createdAt: '2026-11-28T03:10:00Z', total: 18000, method: 'card', paidAt: '2026-11-28T03:10:00Z' },
  { ...base, id: 'b', orderNumber: 2, createdAt: '2026-11-28T03:20:00Z', total: 9000, method: 'counter', settledWith: 'cash', paidAt: '2026-11-28T03:25:00Z' },
  { ...base, id: 'c', orderNumber: 3, createdAt: '2026-11-28T09:05:00Z', total: 7000, method: 'counter', settledWith: 'card', paidAt: '2026-11-28T09:06:00Z' },
  { ...base, id: 'd', orderNumber: 4, offlineNumber: 'K1-7', createdAt: '2026-11-28T09:07:00Z', total: 9000, method: 'counter', status: 'paid', paidAt: null },
  { ...base, id: 'e', orderNumber: 5, createdAt: '2026-11-28T09:08:00Z', total: 12000, method: 'card', status: 'cancelled', paidAt: '2026-11-28T09:08:00Z', refundedAt: '2026-11-28T09:09:00Z', cancelledAt: '2026-11-28T09:09:00Z', cancelledBy: 'owner1', cancelReason: '고객 변심' },
  { ...base, id: 'f', orderNumber: 6, createdAt: '2026-11-28T09:10:00Z', total: 5000, method: 'counter', status: 'cancelled', paidAt: null, cancelledAt: '2026-11-28T09:11:00Z', cancelledBy: 'staff1', cancelReason: '손님이 가셨어요' },
];
const lines: ReportLine[] = [
  { orderId: 'a', itemId: 'kimchi-stew', ko: '김치찌개', quantity: 2, lineTotal: 18000 },
  { orderId: 'b', itemId: 'kimchi-stew', ko: '김치찌개', quantity: 1, lineTotal: 9000 },
  { orderId: 'c', itemId: 'bibimbap', ko: '비빔밥', quantity: 1, lineTotal: 7000 },
  { orderId: 'd', itemId: 'kimchi-stew', ko: '김치찌개', quantity: 1, lineTotal: 9000 },
  { orderId: 'e', itemId: 'bulgogi', ko: '불고기', quantity: 1, lineTotal: 12000 },
  { orderId: 'f', itemId: 'cola', ko: '콜라', quantity: 1, lineTotal: 5000 },
];
const report = buildSalesReport(orders, lines, { from: '2026-11-28', to: '2026-11-28', timeZone: 'Asia/Seoul' });

describe('the day report', () => {
  it('counts paid, standing orders as revenue, split by how they were paid', () => {
    expect(report.orders).toBe(4);
    expect(report.revenue).toBe(18000 + 9000 + 7000);
    expect(report.byMethod).toEqual({ kiosk_card: { orders: 1, amount: 18000 }, counter_cash: { orders: 1, amount: 9000 }, counter_card: { orders: 1, amount: 7000 }, counter: { orders: 0, amount: 0 } });
  });

  it('lists counter orders still unpaid, by the number the customer holds', () => {
    expect(report.unpaid).toMatchObject({ orders: 1, amount: 9000, list: [{ orderNumber: 4, callNumber: 'K1-7', total: 9000 }] });
  });

  it('lists cancellations with who and why, and counts refunds', () => {
    expect(report.cancelled.orders).toBe(2);
    expect(report.cancelled.list.map((order) => [order.orderNumber, order.by, order.reason, order.refunded])).toEqual([
      [5, 'owner1', '고객 변심', true],
      [6, 'staff1', '손님이 가셨어요', false],
    ]);
    expect(report.refunded).toEqual({ orders: 1, amount: 12000 });
  });

  it('counts dishes of every order that stands, and paid orders by the store hour', () => {
    expect(report.dishes).toEqual([
      { itemId: 'kimchi-stew', ko: '김치찌개', quantity: 4, amount: 36000 },
      { itemId: 'bibimbap', ko: '비빔밥', quantity: 1, amount: 7000 },
    ]);
    expect(report.byHour.filter((hour) => hour.orders > 0)).toEqual([
      { hour: 12, orders: 2, amount: 27000 },
      { hour: 18, orders: 1, amount: 7000 },
    ]);
    expect(report.byDay).toEqual([{ date: '2026-11-28', orders: 3, amount: 34000 }]);
  });
});

describe('exports, read back', () => {
  it('CSV: a BOM for Excel, then one row per figure that reads back to the report', () => {
    const csv = reportCsv(report);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv, { bom: true, columns: true }) as Record<(typeof CSV_COLUMNS)[number], string>[];
    const find = (section: string, key: string) => rows.find((row) => row.section === section && row.key === key);
    expect(find('summary', 'revenue')?.amount).toBe('34000');
    expect(find('method', 'counter_cash')).toMatchObject({ orders: '1', amount: '9000' });
    expect(find('unpaid', '2026-11-28#4')?.label).toContain('K1-7');
    expect(find('cancelled', '2026-11-28#5')?.label).toContain('고객 변심');
    expect(find('dish', 'kimchi-stew')).toMatchObject({ label: '김치찌개', orders: '4', amount: '36000' });
    expect(find('hour', '18')).toMatchObject({ orders: '1', amount: '7000' });
  });

  it('Excel: one sheet per section with the same figures', async () => {
    const workbook = await readWorkbook(await reportWorkbook(report));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['요약 Summary', '결제수단 By method', '미결제 Unpaid', '취소·환불 Cancelled', '메뉴별 Dishes', '시간대별 By hour', '일별 By day']);
    const values = (name: string) => workbook.getWorksheet(name)!.getSheetValues().slice(2).map((row) => (row as unknown[]).slice(1));
    expect(values('요약 Summary')).toContainEqual(['revenue', '매출 Revenue', undefined, 34000]);
    expect(values('메뉴별 Dishes')[0]).toEqual(['kimchi-stew', '김치찌개', 4, 36000]);
    expect(values('결제수단 By method')).toContainEqual(['counter_card', '카운터 카드 Counter card', 1, 7000]);
  });
});

describe('the receipt text', () => {
  it('fits every line into 42 columns, Korean counted double, values on the right', () => {
    const { header, rows } = dayReportReceipt(report, '늘봄 식당');
    for (const line of [...header, ...rows]) expect(stringWidth(line)).toBeLessThanOrEqual(RECEIPT_COLUMNS);
    expect(header.map((line) => line.trim())).toEqual(['늘봄 식당', '마감 정산 Day close', '2026-11-28']);
    expect(rows).toContain(receiptRow('매출 Revenue', '34,000원'));
    expect(stringWidth(receiptRow('매출 Revenue', '34,000원'))).toBe(RECEIPT_COLUMNS);
    expect(rows.some((line) => line.startsWith('K1-7번') && line.endsWith('9,000원'))).toBe(true);
    expect(rows.some((line) => line.startsWith('김치찌개 x4') && line.endsWith('36,000원'))).toBe(true);
  });

  it('cuts a long label, never the amount', () => {
    const line = receiptRow('아주 아주 아주 긴 메뉴 이름이 있는 특별한 정식 세트', '1,234,000원');
    expect(stringWidth(line)).toBeLessThanOrEqual(RECEIPT_COLUMNS);
    expect(line.endsWith(' 1,234,000원')).toBe(true);
  });
});
