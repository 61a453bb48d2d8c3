/**
 * Who may read an order and replay its key (issue 24): a kiosk reads only its own orders, the
 * store's devices and the console read all; an Idempotency-Key belongs to its kiosk and store.
 * And an order whose total the database could not store is refused before the card is charged, and
 * one the database fails to store has its card charge given back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHARGE_NOT_CANCELLED_CALL, type OrderResponse, type StaffCallListResponse } from '../contracts/http';
import { consoleSession, type ConsoleCaller } from '../test-support/console-session';
import { CountingTerminal } from '../test-support/counting-terminal';
import { insertsRefused } from '../test-support/refused-inserts';
import { startTestServer, type TestServer } from '../test-support/test-server';
const terminal = new CountingTerminal();
let server: TestServer;
let owner: ConsoleCaller;
let staff: ConsoleCaller;
const bearer: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  server = await startTestServer({ terminal });
  for (const [id, kind] of [['kiosk-a', 'kiosk'], ['kiosk-b', 'kiosk'], ['kitchen-a', 'kitchen'], ['pickup-a', 'pickup'], ['pager-a', 'pager'], ['camera-a', 'camera']] as const) {
    const { credential } = await server.devices.register({ id, storeId: server.config.storeId, kind, ...(kind === 'camera' ? { kioskId: 'kiosk-a' } : {}) });
    bearer[id] = { authorization: `Bearer ${credential}` };
  }
  [owner, staff] = await Promise.all([consoleSession(server, 'owner'), consoleSession(server, 'staff')]);
});
afterAll(() => server.close());

const ORDER = { items: [{ itemId: 'kimchi-stew', quantity: 1 }], diningOption: 'takeout' };
async function place(headers: Record<string, string>, body: unknown = ORDER, key?: string): Promise<Response> {
  return fetch(`${server.url}/api/orders`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers, ...(key ? { 'idempotency-key': key } : {}) }, body: JSON.stringify(body) });
}
const read = (id: string, headers: Record<string, string> = {}) => fetch(`${server.url}/api/orders/${id}`, { headers });

describe('GET /api/orders/:id', () => {
  it('answers the kiosk that placed the order, with its approval code', async () => {
    const order = (await (await place(bearer['kiosk-a']!)).json()) as OrderResponse;
    const own = await read(order.id, bearer['kiosk-a']);
    expect(own.status).toBe(200);
    expect(((await own.json()) as OrderResponse).payment.approvalCode).toBe(order.payment.approvalCode);
  });

  it("answers another kiosk as if the order did not exist, and a caller with no credential 401", async () => {
    const order = (await (await place(bearer['kiosk-a']!)).json()) as OrderResponse;
    expect((await read(order.id, bearer['kiosk-b'])).status).toBe(404);
    expect((await read(order.id, { authorization: 'Bearer kiosk-a.not-the-secret' })).status).toBe(401);
    expect((await read(order.id, bearer['camera-a'])).status).toBe(403);
    // The server's own screen is kiosk-1: it reads its own orders, not a paired kiosk's.
    expect((await read(order.id)).status).toBe(404);
    const ownScreen = (await (await place({})).json()) as OrderResponse;
    expect((await read(ownScreen.id)).status).toBe(200);
  });

  it("answers the store's order devices and the console for every order", async () => {
    const order = (await (await place(bearer['kiosk-a']!)).json()) as OrderResponse;
    for (const device of ['kitchen-a', 'pickup-a', 'pager-a']) expect((await read(order.id, bearer[device])).status, device).toBe(200);
    expect((await owner('GET', `/api/orders/${order.id}`)).status).toBe(200);
    expect((await staff('GET', `/api/orders/${order.id}`)).status).toBe(200);
  });

  it('refuses callers from another machine without a credential', { timeout: 60_000 }, async () => {
    const order = (await (await place(bearer['kiosk-a']!)).json()) as OrderResponse;
    const refusing = await startTestServer({ env: { UNPAIRED_KIOSK: 'refuse' } });
    try {
      expect((await fetch(`${refusing.url}/api/orders/${order.id}`)).status).toBe(401);
    } finally {
      await refusing.close();
    }
  });
});

describe('Idempotency-Key', () => {
  it("gives another kiosk a conflict for a key it did not use, never the order", async () => {
    const key = `order-${crypto.randomUUID()}`;
    expect((await place(bearer['kiosk-a']!, ORDER, key)).status).toBe(201);
    const replayed = await place(bearer['kiosk-a']!, ORDER, key);
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    const other = await place(bearer['kiosk-b']!, ORDER, key);
    expect(other.status).toBe(409);
    expect(await other.text()).not.toContain('approvalCode');
  });

  it('lets a kiosk paired again send its offline orders under its new id, learning the number but not the approval code', async () => {
    const key = `order-${crypto.randomUUID()}`;
    const first = (await (await place(bearer['kiosk-a']!, ORDER, key)).json()) as OrderResponse;
    const again = await place(bearer['kiosk-b']!, { ...ORDER, offline: { number: 'K1-7' } }, key);
    expect(again.status).toBe(201);
    const answer = (await again.json()) as OrderResponse;
    expect(answer).toMatchObject({ id: first.id, orderNumber: first.orderNumber });
    expect(answer.payment.approvalCode).toBe('');
  });
});

describe('order totals', () => {
  it('refuses an order the database could not store before the card is charged', async () => {
    expect((await owner('PATCH', '/api/admin/menu/items/kimchi-stew', { price: 1_000_000 })).status).toBe(200);
    const charges = terminal.charges.length;
    const huge = { items: Array.from({ length: 30 }, () => ({ itemId: 'kimchi-stew', quantity: 99 })), diningOption: 'takeout' };
    const response = await place(bearer['kiosk-a']!, huge);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toBe('invalid_order');
    expect(terminal.charges.length).toBe(charges);
    expect(await server.db.selectFrom('orders').select('id').where('total', '>', 2_147_483_647).execute()).toEqual([]);
  });
});

describe('an order the database fails to store', () => {
  const storedWithKey = async (key: string) => server.db.selectFrom('orders').select('id').where('idempotency_key', '=', key).execute();

  it('has its card charge given back (망취소) before the kiosk hears; the retry with the same key is stored once', async () => {
    const allowPayments = await insertsRefused(server.db, 'payments');
    try {
      const failed = await place(bearer['kiosk-a']!, ORDER, 'cannot-store-1');
      expect(failed.status).toBe(500);
    } finally {
      await allowPayments();
    }
    const charge = terminal.charges.findLast((candidate) => candidate.reference === 'cannot-store-1');
    expect(terminal.refunds.filter((refund) => refund.reference === 'cannot-store-1')).toEqual([{ reference: 'cannot-store-1', approvalCode: expect.any(String), amount: charge!.amount }]);
    expect(await storedWithKey('cannot-store-1')).toEqual([]);

    const retried = await place(bearer['kiosk-a']!, ORDER, 'cannot-store-1');
    expect(retried.status).toBe(201);
    expect(await storedWithKey('cannot-store-1')).toHaveLength(1);
  });

  it('calls staff to the kiosk, and tells it so, when the terminal will not give the charge back', async () => {
    const allowPayments = await insertsRefused(server.db, 'payments');
    terminal.refusesRefunds = true;
    try {
      const failed = await place(bearer['kiosk-a']!, ORDER, 'cannot-store-2');
      expect(failed.status).toBe(502);
      const body = (await failed.json()) as { error: string; message: string };
      expect(body.error).toBe('charge_not_cancelled');
      expect(body.message).toContain('ask staff');
      const calls = ((await (await staff('GET', '/api/admin/staff-calls')).json()) as StaffCallListResponse).calls;
      expect(calls.filter((call) => call.kioskId === 'kiosk-a' && call.acknowledgedAt === null).map((call) => call.screen)).toEqual([CHARGE_NOT_CANCELLED_CALL]);
    } finally {
      terminal.refusesRefunds = false;
      await allowPayments();
    }
    expect(await storedWithKey('cannot-store-2')).toEqual([]);
  });
});

