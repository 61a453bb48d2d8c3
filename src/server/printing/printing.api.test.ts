import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AdminOrdersResponse, OrderResponse, StaffCallListResponse } from '../../contracts/http';
import type { PrinterListResponse, PrinterResponse, PrintJobListResponse, PrintJobResponse } from '../../contracts/printers';
import { consoleSession, type ConsoleCaller } from '../../test-support/console-session';
import { startFakePrinter, startFakeSerialPrinter, type FakePrinter, type FakeSerialPrinter } from '../../test-support/fake-printer';
import { freePort } from '../../test-support/free-port';
import { insertsRefused } from '../../test-support/refused-inserts';
import { startTestServer, type TestServer } from '../../test-support/test-server';
import { PrinterRepository } from '../repositories/printer.repository';
import { PrintSpooler } from './print-spooler';
import { printTransport } from './print-transport';
import { printoutPath } from './virtual-printer';

const RETRY_MS = 100;
let server: TestServer;
let owner: ConsoleCaller;
let staff: ConsoleCaller;
let fake: FakePrinter;
let serial: FakeSerialPrinter | undefined;

beforeAll(async () => {
  server = await startTestServer({ printing: { retryEveryMs: RETRY_MS, timeoutMs: 1000 } });
  owner = await consoleSession(server, 'owner');
  staff = await consoleSession(server, 'staff');
});
afterAll(() => server.close());
afterEach(async () => {
  for (const printer of await printers()) await owner('DELETE', `/api/admin/printers/${printer.id}`);
  await fake?.close();
  await serial?.close();
});

const json = async <T>(response: Promise<Response>): Promise<T> => (await response).json() as Promise<T>;
const printers = async () => (await json<PrinterListResponse>(owner('GET', '/api/admin/printers'))).printers;

async function addPrinter(body: Record<string, unknown>): Promise<PrinterResponse> {
  const response = await owner('POST', '/api/admin/printers', body);
  expect(response.status).toBe(201);
  return response.json() as Promise<PrinterResponse>;
}

const postOrder = (idempotencyKey?: string) =>
  fetch(`${server.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
    body: JSON.stringify({ items: [{ itemId: 'kimchi-stew', quantity: 2, options: { spice: 'mild' } }], diningOption: 'takeout' }),
  });

async function placeOrder(): Promise<OrderResponse> {
  const response = await postOrder();
  expect(response.status).toBe(201);
  return response.json() as Promise<OrderResponse>;
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const euckr = (bytes: Buffer) => iconv.decode(bytes, 'euc-kr');
const openPrinterCalls = async (printerId: string) =>
  (await json<StaffCallListResponse>(owner('GET', '/api/admin/staff-calls'))).calls.filter((call) => call.kioskId === printerId && call.acknowledgedAt === null);

describe('printing on a network printer (ESC/POS over TCP)', () => {
  it('prints the order ticket and the kitchen ticket in the Korean code page', async () => {
    fake = await startFakePrinter();
    await addPrinter({ name: '카운터 프린터', connection: 'tcp', host: '127.0.0.1', port: fake.port, tickets: ['order', 'kitchen'] });
    const order = await placeOrder();
    await until(() => fake.printed.length === 2, 'two tickets');

    const [kitchen, customer] = fake.printed.map(euckr);
    expect(customer).toContain('늘봄식당');
    expect(customer).toContain(String(order.orderNumber));
    expect(customer).toContain('김치찌개 × 2');
    expect(customer).toContain('순한맛');
    expect(customer).toContain('포장 · Takeout');
    expect(customer).toContain('18,000원');
    expect(customer).toContain('카드 결제 완료');
    expect(kitchen).toContain('주방 · Kitchen');
    expect(kitchen).toContain('김치찌개');
    expect(kitchen).not.toContain('18,000원');
    // Kanji (double-byte) mode on, the Korean international set, and the dish's name as KS X 1001 bytes.
    const bytes = fake.printed[1]!;
    expect(bytes.includes(Buffer.from([0x1c, 0x26]))).toBe(true);
    expect(bytes.includes(Buffer.from([0x1b, 0x52, 0x0d]))).toBe(true);
    expect(bytes.includes(iconv.encode('김치찌개', 'euc-kr'))).toBe(true);
    // ...and cuts the paper.
    expect(bytes.includes(Buffer.from([0x1d, 0x56]))).toBe(true);
  });

  it('paper out: the order stands, staff are told, and the tickets print once when paper is back', async () => {
    fake = await startFakePrinter();
    fake.state = 'paper_out';
    const printer = await addPrinter({ name: '주방 프린터', connection: 'tcp', host: '127.0.0.1', port: fake.port, tickets: ['kitchen'] });
    const order = await placeOrder();

    await until(async () => (await openPrinterCalls(printer.id)).length === 1, 'a staff call');
    const [call] = await openPrinterCalls(printer.id);
    expect(call!.screen).toBe('printer_paper_out');
    const stopped = (await printers()).find((candidate) => candidate.id === printer.id)!;
    expect(stopped).toMatchObject({ status: { state: 'paper_out' }, waiting: 1 });
    const requestsBefore = fake.statusRequests;
    await until(() => fake.statusRequests > requestsBefore, 'a second status request');
    expect(fake.printed).toHaveLength(0);
    // Asked again and again, staff are still told only once.
    expect(await openPrinterCalls(printer.id)).toHaveLength(1);

    fake.state = 'ready';
    await until(() => fake.printed.length === 1, 'the ticket');
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS * 4));
    expect(fake.printed).toHaveLength(1);
    expect(euckr(fake.printed[0]!)).toContain(String(order.orderNumber));
    await until(async () => (await openPrinterCalls(printer.id)).length === 0, 'the call answered');
    expect((await printers()).find((candidate) => candidate.id === printer.id)).toMatchObject({ status: { state: 'ready' }, waiting: 0 });
  });

  it('cover open is told as such; an unreachable printer as off; orders are taken all the while', async () => {
    fake = await startFakePrinter();
    fake.state = 'cover_open';
    const covered = await addPrinter({ name: '덮개', connection: 'tcp', host: '127.0.0.1', port: fake.port, tickets: ['kitchen'] });
    const gone = await addPrinter({ name: '꺼짐', connection: 'tcp', host: '127.0.0.1', port: await freePort(), tickets: ['kitchen'] });
    await placeOrder();
    await until(async () => (await openPrinterCalls(covered.id)).length === 1 && (await openPrinterCalls(gone.id)).length === 1, 'two staff calls');
    expect((await openPrinterCalls(covered.id))[0]!.screen).toBe('printer_cover_open');
    expect((await openPrinterCalls(gone.id))[0]!.screen).toBe('printer_offline');
    await placeOrder();
  });

  it('prints a waiting ticket once when several servers share the database', async () => {
    fake = await startFakePrinter();
    fake.state = 'paper_out';
    await addPrinter({ name: '공유', connection: 'tcp', host: '127.0.0.1', port: fake.port, tickets: ['kitchen'] });
    await placeOrder();
    const printerId = (await printers())[0]!.id;
    await until(async () => (await printers())[0]!.status?.state === 'paper_out', 'the printer found out of paper');
    const quiet = { printerStopped: async () => undefined, printerBack: async () => undefined };
    const others = ['server-b', 'server-c'].map(
      (holder) => new PrintSpooler(new PrinterRepository(server.db), printTransport(server.config.dataDir, 1000), quiet, { retryEveryMs: RETRY_MS, holder, claimMs: 60_000, now: () => new Date(), onError: () => undefined }),
    );
    fake.state = 'ready';
    for (const spooler of others) spooler.kick(printerId);
    server.spooler.kick(printerId);
    await until(() => fake.printed.length === 1, 'the ticket');
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS * 5));
    await Promise.all(others.map((spooler) => spooler.stop()));
    expect(fake.printed).toHaveLength(1);
  });

  it('reprints a ticket as it was', async () => {
    fake = await startFakePrinter();
    const printer = await addPrinter({ name: '카운터', connection: 'tcp', host: '127.0.0.1', port: fake.port, tickets: ['order'] });
    await placeOrder();
    await until(() => fake.printed.length === 1, 'the ticket');
    const [job] = (await json<PrintJobListResponse>(staff('GET', `/api/admin/print-jobs?printer=${printer.id}`))).jobs;
    expect(job).toMatchObject({ kind: 'order', status: 'printed' });
    const again = await staff('POST', `/api/admin/print-jobs/${job!.id}/reprint`);
    expect(again.status).toBe(202);
    await until(() => fake.printed.length === 2, 'the reprint');
    expect(fake.printed[1]).toEqual(fake.printed[0]);
    expect((await staff('POST', '/api/admin/print-jobs/no-such-job/reprint')).status).toBe(404);
  });

  it('prints report lines on the receipt printer, and says when there is none', async () => {
    await expect(server.printing.printReport('마감 정산', ['없음'])).rejects.toMatchObject({ statusCode: 409 });
    fake = await startFakePrinter();
    await addPrinter({ name: '영수증', connection: 'tcp', host: '127.0.0.1', port: fake.port, tickets: ['receipt'] });
    await server.printing.printReport('마감 정산 · Day close', [{ label: '카드 매출', value: '180,000원' }, '끝']);
    await until(() => fake.printed.length === 1, 'the report');
    expect(euckr(fake.printed[0]!)).toContain('카드 매출');
    expect(euckr(fake.printed[0]!)).toContain('180,000원');
  });
});

describe('printing on a USB or serial printer (a device file)', () => {
  it('asks its status over the line, holds the tickets while the paper is out, and prints them in the Korean code page once it is back', async () => {
    serial = await startFakeSerialPrinter();
    serial.state = 'paper_out';
    const printer = await addPrinter({ name: '내장 프린터', connection: 'device', device: serial.device, baud: 115200, tickets: ['order', 'kitchen'] });
    expect(printer).toMatchObject({ connection: 'device', device: serial.device, baud: 115200, host: null, port: null });
    const order = await placeOrder();
    await until(async () => (await printers()).find((candidate) => candidate.id === printer.id)?.status?.state === 'paper_out', 'paper out, read from the line');
    expect(serial.printed).toHaveLength(0);

    serial.state = 'ready';
    await until(() => serial!.printed.length === 2, 'two tickets over the line');
    const [kitchen, customer] = serial.printed.map(euckr);
    expect(kitchen).toContain('주방 · Kitchen');
    expect(customer).toContain(String(order.orderNumber));
    expect(customer).toContain('김치찌개 × 2');
    // Each ticket asks for the paper status after it; those answers are not read as the next status.
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS * 3));
    expect(serial.printed).toHaveLength(2);
    expect((await printers()).find((candidate) => candidate.id === printer.id)).toMatchObject({ status: { state: 'ready' }, waiting: 0 });
    // The line was set to the printer's speed before it was asked anything.
    expect(execFileSync('stty', ['-F', serial.device, 'speed'], { encoding: 'utf8' }).trim()).toBe('115200');
  });

  it('counts a port with nothing on it as off, and takes only printer ports: a clear 400 for any other path', async () => {
    const missing = await addPrinter({ name: '빠진 프린터', connection: 'device', device: '/dev/ttyUSB97', tickets: ['kitchen'] });
    expect((await owner('POST', `/api/admin/printers/${missing.id}/test`)).status).toBe(202);
    await until(async () => (await printers()).find((candidate) => candidate.id === missing.id)?.status?.state === 'offline', 'the missing port off');
    for (const device of ['/etc/passwd', '/dev/sda', '/dev/mem', '/dev/serial/by-id/../../sda', '/dev/usb/lp0; reboot']) {
      expect((await owner('POST', '/api/admin/printers', { name: 'x', connection: 'device', device, tickets: ['order'] })).status, device).toBe(400);
    }
    expect((await owner('POST', '/api/admin/printers', { name: 'x', connection: 'device', device: '/dev/ttyUSB0', baud: 12345, tickets: ['order'] })).status).toBe(400);
    const noDevice = await owner('POST', '/api/admin/printers', { name: 'x', connection: 'device', tickets: ['order'] });
    expect(noDevice.status).toBe(400);
    expect(((await noDevice.json()) as { message: string }).message).toContain('/dev/usb/lp0');
    expect(await printers()).toHaveLength(1);
  });
});

describe('printing meets the day: cancellations and the close', () => {
  it('withdraws a cancelled order\'s waiting tickets, so they never print when paper is back', async () => {
    fake = await startFakePrinter();
    fake.state = 'paper_out';
    const printer = await addPrinter({ name: '주방', connection: 'tcp', host: '127.0.0.1', port: fake.port, tickets: ['kitchen'] });
    const cancelled = await placeOrder();
    const kept = await placeOrder();
    await until(async () => (await printers()).find((candidate) => candidate.id === printer.id)?.waiting === 2, 'two waiting tickets');
    expect((await owner('POST', `/api/admin/orders/${cancelled.id}/cancel`, { reason: '손님이 취소' })).status).toBe(200);
    await until(async () => (await printers()).find((candidate) => candidate.id === printer.id)?.waiting === 1, 'one ticket withdrawn');

    fake.state = 'ready';
    await until(() => fake.printed.length === 1, 'the kept order\'s ticket');
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS * 4));
    expect(fake.printed).toHaveLength(1);
    expect(euckr(fake.printed[0]!)).toContain(String(kept.orderNumber));
    const jobs = (await json<PrintJobListResponse>(owner('GET', `/api/admin/print-jobs?printer=${printer.id}`))).jobs;
    expect(jobs.map((job) => job.status).sort()).toEqual(['printed', 'withdrawn']);
  });

  it('prints a receipt asked for at the counter on the receipt printer, as the order stands; says when there is none', async () => {
    const order = await postOrder().then((response) => response.json() as Promise<OrderResponse>);
    expect((await staff('POST', `/api/admin/orders/${order.id}/receipt`)).status).toBe(409);
    fake = await startFakePrinter();
    // The kiosk's own printer prints its customers' tickets; the counter's prints receipts.
    await addPrinter({ name: '키오스크', connection: 'virtual', tickets: ['order'], kioskId: server.config.kioskId });
    const counter = await addPrinter({ name: '카운터', connection: 'tcp', host: '127.0.0.1', port: fake.port, tickets: ['receipt'] });
    const printedBefore = fake.printed.length;
    const asked = await staff('POST', `/api/admin/orders/${order.id}/receipt`);
    expect(asked.status).toBe(202);
    const { jobs } = (await asked.json()) as PrintJobListResponse;
    expect(jobs.map((job) => [job.printerId, job.kind, job.orderId])).toEqual([[counter.id, 'receipt', order.id]]);
    await until(() => fake.printed.length > printedBefore, 'the receipt');
    const paper = euckr(fake.printed.at(-1)!);
    expect(paper).toContain('영수증 · Receipt');
    expect(paper).toContain('김치찌개');
    expect(paper).toContain(`${order.total.toLocaleString('ko-KR')}원`);
    expect((await staff('POST', '/api/admin/orders/00000000-0000-4000-8000-000000000000/receipt')).status).toBe(404);
    expect((await fetch(`${server.url}/api/admin/orders/${order.id}/receipt`, { method: 'POST' })).status).toBe(401);
  });

  it('prints the day\'s close on the receipt printer from the console, and says when no printer prints receipts', async () => {
    expect((await owner('POST', '/api/admin/reports/day/print')).status).toBe(409);
    fake = await startFakePrinter();
    await addPrinter({ name: '영수증', connection: 'tcp', host: '127.0.0.1', port: fake.port, tickets: ['receipt'] });
    const printedBefore = fake.printed.length;
    const order = await placeOrder();
    await until(() => fake.printed.length > printedBefore, 'the order\'s receipt');
    const response = await staff('POST', '/api/admin/reports/day/print');
    expect(response.status).toBe(200);
    await until(() => fake.printed.some((bytes) => euckr(bytes).includes('마감 정산')), 'the close');
    const close = euckr(fake.printed.find((bytes) => euckr(bytes).includes('마감 정산'))!);
    expect(close).toContain('매출 Revenue');
    expect(close).toContain(`${order.total.toLocaleString('ko-KR')}원`);
    expect((await owner('POST', '/api/admin/reports/day/print?date=yesterday')).status).toBe(400);
    expect((await fetch(`${server.url}/api/admin/reports/day/print`, { method: 'POST' })).status).toBe(401);
  });
});

describe('an order and its tickets', () => {
  it('are stored together: when its tickets cannot be stored the order is not either, and the kiosk\'s retry with the same key stores both', async () => {
    const printer = await addPrinter({ name: '주방', connection: 'virtual', tickets: ['kitchen'] });
    const dayOrders = async () => (await json<AdminOrdersResponse>(staff('GET', '/api/admin/orders'))).orders;
    const before = await dayOrders();
    const allowPrintJobs = await insertsRefused(server.db, 'print_jobs');
    try {
      const refused = await postOrder('order-with-tickets');
      expect(refused.status).toBe(500);
      expect(await dayOrders()).toHaveLength(before.length);
    } finally {
      await allowPrintJobs();
    }
    const retried = await postOrder('order-with-tickets');
    expect(retried.status).toBe(201);
    const order = (await retried.json()) as OrderResponse;
    expect(await dayOrders()).toHaveLength(before.length + 1);
    // Stored with the order, so there when the kiosk hears the number, not some time after.
    const jobs = (await json<PrintJobListResponse>(owner('GET', `/api/admin/print-jobs?printer=${printer.id}`))).jobs;
    expect(jobs.map((job) => [job.orderId, job.kind])).toEqual([[order.id, 'kitchen']]);
  });
});

describe('the virtual printer and the console', () => {
  it('writes each ticket as an image under DATA_DIR and shows it in the console', async () => {
    const printer = await addPrinter({ name: '가상 프린터', connection: 'virtual', tickets: ['order', 'receipt', 'kitchen'] });
    const test = await owner('POST', `/api/admin/printers/${printer.id}/test`);
    expect(test.status).toBe(202);
    const job = (await test.json()) as PrintJobResponse;
    await placeOrder();
    await until(async () => (await json<PrintJobListResponse>(owner('GET', '/api/admin/print-jobs'))).jobs.filter((candidate) => candidate.status === 'printed').length === 4, 'four printed tickets');
    const file = printoutPath(server.config.dataDir, printer.id, job.id);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^<svg[^>]*>/);
    const image = await staff('GET', `/api/admin/print-jobs/${job.id}/image`);
    expect(image.headers.get('content-type')).toContain('image/svg+xml');
    expect(await image.text()).toContain('>시<');
    const kinds = (await json<PrintJobListResponse>(owner('GET', '/api/admin/print-jobs'))).jobs.map((candidate) => candidate.kind).sort();
    expect(kinds).toEqual(['kitchen', 'order', 'receipt', 'test']);
  });

  it('lets owners (not staff) add printers, and refuses bad ones with a clear 400', async () => {
    expect((await staff('POST', '/api/admin/printers', { name: 'x', connection: 'virtual', tickets: [] })).status).toBe(403);
    const noHost = await owner('POST', '/api/admin/printers', { name: 'x', connection: 'tcp', tickets: ['order'] });
    expect(noHost.status).toBe(400);
    expect(((await noHost.json()) as { message: string }).message).toContain('host');
    for (const bad of [{ port: 70000 }, { tickets: ['menu'] }, { host: 'a b' }, { tickets: ['order', 'order'] }]) {
      expect((await owner('POST', '/api/admin/printers', { name: 'x', connection: 'tcp', host: '10.0.0.9', tickets: ['order'], ...bad })).status).toBe(400);
    }
    expect(await printers()).toHaveLength(0);
    expect((await owner('PATCH', '/api/admin/printers/printer-404', { name: 'y' })).status).toBe(404);
  });

  it('sends a kiosk\'s customer tickets to its own printer, and kitchen tickets to the kitchen printer', async () => {
    const own = await addPrinter({ name: '키오스크 1 프린터', connection: 'virtual', tickets: ['order'], kioskId: server.config.kioskId });
    const shared = await addPrinter({ name: '공용', connection: 'virtual', tickets: ['order', 'kitchen'] });
    await placeOrder();
    await until(async () => (await json<PrintJobListResponse>(owner('GET', '/api/admin/print-jobs'))).jobs.length === 2, 'two jobs');
    const jobs = (await json<PrintJobListResponse>(owner('GET', '/api/admin/print-jobs'))).jobs;
    expect(jobs.find((job) => job.kind === 'order')?.printerId).toBe(own.id);
    expect(jobs.find((job) => job.kind === 'kitchen')?.printerId).toBe(shared.id);
  });
});
