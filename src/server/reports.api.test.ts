/**
 * The day's close on a real server (PostgreSQL too with TEST_DATABASE=postgres): orders placed,
 * paid at the counter and cancelled through the API, then the report as JSON, as downloaded CSV and
 * Excel files read back, and from `kiosk report` run as a user runs it on the same database.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderResponse, SalesReportResponse } from '../contracts/http';
import { consoleSession, type ConsoleCaller } from '../test-support/console-session';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { readWorkbook } from '../test-support/workbook';

const run = promisify(execFile);
const KIOSK = path.resolve(import.meta.dirname, '../../bin/kiosk.js');

let server: TestServer;
let owner: ConsoleCaller;
let clock = new Date('2026-11-28T03:00:00Z');

async function place(payment: { method: 'card' | 'counter' }, quantity = 1): Promise<OrderResponse> {
  const response = await fetch(`${server.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ items: [{ itemId: 'kimchi-stew', quantity }], diningOption: 'dine_in', payment }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as OrderResponse;
}

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
  owner = await consoleSession(server, 'owner');
  await owner('PATCH', '/api/admin/settings', { counterPayment: true });
  // 28 Nov (Seoul): a card order at 12:00, a counter order paid in cash, one left unpaid, one cancelled and refunded.
  await place({ method: 'card' }, 2);
  const cash = await place({ method: 'counter' });
  expect((await owner('POST', `/api/admin/orders/${cash.id}/settle`, { method: 'cash' })).status).toBe(200);
  clock = new Date('2026-11-28T09:30:00Z');
  await place({ method: 'counter' });
  const refunded = await place({ method: 'card' });
  expect((await owner('POST', `/api/admin/orders/${refunded.id}/cancel`, { reason: '주방 실수' })).status).toBe(200);
  // 29 Nov: one more card order.
  clock = new Date('2026-11-29T02:00:00Z');
  await place({ method: 'card' });
  // Console sessions last 12 hours on the server's clock: sign in again on the new day.
  owner = await consoleSession(server, 'owner');
}, 60_000);
afterAll(() => server.close());

describe('GET /api/admin/reports', () => {
  it('answers the day as JSON', async () => {
    const report = (await (await owner('GET', '/api/admin/reports/day?date=2026-11-28')).json()) as SalesReportResponse;
    expect(report).toMatchObject({ from: '2026-11-28', to: '2026-11-28', orders: 3, revenue: 27000, unpaid: { orders: 1, amount: 9000 }, cancelled: { orders: 1, amount: 9000 }, refunded: { orders: 1, amount: 9000 } });
    expect(report.byMethod).toMatchObject({ kiosk_card: { orders: 1, amount: 18000 }, counter_cash: { orders: 1, amount: 9000 } });
    expect(report.cancelled.list[0]).toMatchObject({ reason: '주방 실수', refunded: true });
    expect(report.dishes).toEqual([{ itemId: 'kimchi-stew', ko: '김치찌개', quantity: 4, amount: 36000 }]);
    expect(report.byHour.filter((hour) => hour.orders > 0)).toEqual([{ hour: 12, orders: 2, amount: 27000 }]);
  });

  it('downloads the day as CSV and as an Excel file that read back', async () => {
    const csv = await owner('GET', '/api/admin/reports/day?date=2026-11-28&format=csv');
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="sales-2026-11-28.csv"');
    const rows = parse(await csv.text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.find((row) => row.section === 'summary' && row.key === 'revenue')?.amount).toBe('27000');

    const xlsx = await owner('GET', '/api/admin/reports/day?date=2026-11-28&format=xlsx');
    expect(xlsx.headers.get('content-disposition')).toBe('attachment; filename="sales-2026-11-28.xlsx"');
    const workbook = await readWorkbook(Buffer.from(await xlsx.arrayBuffer()));
    const summary = workbook.getWorksheet('요약 Summary')!.getSheetValues().map((row) => (Array.isArray(row) ? row.slice(1) : []));
    expect(summary).toContainEqual(['unpaid', '미결제 Unpaid', 1, 9000]);
  });

  it('covers any period, one row per day', async () => {
    const report = (await (await owner('GET', '/api/admin/reports/sales?from=2026-11-01&to=2026-11-30')).json()) as SalesReportResponse;
    expect(report.byDay).toEqual([
      { date: '2026-11-28', orders: 2, amount: 27000 },
      { date: '2026-11-29', orders: 1, amount: 9000 },
    ]);
    expect(report.revenue).toBe(36000);
  });

  it('refuses a period that ends before it starts, bad dates, and strangers', async () => {
    const backwards = await owner('GET', '/api/admin/reports/sales?from=2026-11-30&to=2026-11-01');
    expect(backwards.status).toBe(400);
    expect(await backwards.json()).toMatchObject({ error: 'invalid_period' });
    expect((await owner('GET', '/api/admin/reports/sales?from=2025-01-01&to=2026-11-01')).status).toBe(400);
    expect((await owner('GET', '/api/admin/reports/day?date=28-11-2026')).status).toBe(400);
    expect((await owner('GET', '/api/admin/reports/day?format=pdf')).status).toBe(400);
    expect((await fetch(`${server.url}/api/admin/reports/day`)).status).toBe(401);
  });
});

describe('kiosk report, on the server\'s database', () => {
  const env = () => ({ ...process.env, DATA_DIR: server.config.dataDir, STORE_ID: server.config.storeId, ...(server.config.databaseUrl ? { DATABASE_URL: server.config.databaseUrl } : {}) });

  it('prints the day as CSV on stdout and writes Excel with --out', { timeout: 60_000 }, async () => {
    const { stdout } = await run(process.execPath, [KIOSK, 'report', 'day', '--date', '2026-11-28', '--format', 'csv'], { env: env() });
    const rows = parse(stdout, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.find((row) => row.section === 'method' && row.key === 'counter_cash')).toMatchObject({ orders: '1', amount: '9000' });

    const out = path.join(server.config.dataDir, 'close.xlsx');
    await run(process.execPath, [KIOSK, 'report', 'sales', '--from', '2026-11-28', '--to', '2026-11-29', '--format', 'xlsx', '--out', out], { env: env() });
    const workbook = await readWorkbook(fs.readFileSync(out));
    expect(workbook.getWorksheet('일별 By day')!.getRow(3).values).toEqual([undefined, '2026-11-29', '2026-11-29', 1, 9000]);
  });

  it('says what is wrong with a bad date or format', { timeout: 60_000 }, async () => {
    await expect(run(process.execPath, [KIOSK, 'report', 'day', '--date', '2026-02-30', '--format', 'csv'], { env: env() })).rejects.toMatchObject({ stderr: expect.stringContaining('"2026-02-30" is not a date') });
    await expect(run(process.execPath, [KIOSK, 'report', 'day', '--format', 'xlsx'], { env: env() })).rejects.toMatchObject({ stderr: expect.stringContaining('add --out FILE.xlsx') });
  });
});
