/**
 * Who may order: a paired kiosk by its credential, the server's own screen (this machine) without
 * one, nobody else. Requests from other machines are made with `inject`'s remote address (the same
 * routing and hooks as a socket); the proxy case goes over the network with X-Forwarded-For.
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskConfigResponse, OrderResponse, StaffCallResponse } from '../contracts/http';
import { startTestServer, type TestServer } from '../test-support/test-server';

let server: TestServer;
let kioskCredential: string;
let kitchenCredential: string;

beforeAll(async () => {
  server = await startTestServer();
  kioskCredential = (await server.devices.register({ id: 'kiosk-door', storeId: server.config.storeId, kind: 'kiosk' })).credential;
  kitchenCredential = (await server.devices.register({ id: 'kitchen-pairing', storeId: server.config.storeId, kind: 'kitchen' })).credential;
}, 60_000);
afterAll(() => server.close(), 60_000);

const ORDER = { items: [{ itemId: 'cola', quantity: 1 }], diningOption: 'takeout' };
const LAN_CLIENT = '192.168.0.23';

type Call = { method: 'GET' | 'POST'; url: string; payload?: Record<string, unknown>; headers?: Record<string, string> };
const CALLS: Record<'order' | 'staffCall' | 'decision', Call> = {
  order: { method: 'POST', url: '/api/orders', payload: ORDER },
  staffCall: { method: 'POST', url: '/api/staff-calls', payload: { screen: 'browse' } },
  decision: { method: 'POST', url: '/api/vision/decisions', payload: { group: 'senior_female', confidence: 0.7, modelVersion: 'v1', latencyMs: 80 } },
};

const fromMachine = (remoteAddress: string, call: Call, credential?: string) => {
  const options: InjectOptions = { ...call, remoteAddress, headers: { ...call.headers, ...(credential ? { authorization: `Bearer ${credential}` } : {}) } };
  return server.app.inject(options);
};

const storedCounts = async () => ({
  orders: Number((await server.db.selectFrom('orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  staffCalls: Number((await server.db.selectFrom('staff_calls').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
  decisions: Number((await server.db.selectFrom('camera_decisions').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n),
});

describe('a browser on another machine', () => {
  it.each(Object.keys(CALLS) as (keyof typeof CALLS)[])('may not %s without pairing, and nothing is stored', async (name) => {
    const before = await storedCounts();
    const response = await fromMachine(LAN_CLIENT, CALLS[name]);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: 'pairing_required', message: expect.stringContaining('기기 · Devices') });
    expect(await storedCounts()).toEqual(before);
  });

  it('is told by its config that it must be paired', async () => {
    const config = (await fromMachine(LAN_CLIENT, { method: 'GET', url: '/api/config' })).json<KioskConfigResponse>();
    expect(config.kioskId).toBeNull();
  });

  it('reads its own staff call (has staff answered?) only with its credential', async () => {
    const called = (await fromMachine(LAN_CLIENT, CALLS.staffCall, kioskCredential)).json<StaffCallResponse>();
    const look: Call = { method: 'GET', url: `/api/staff-calls/${called.id}` };
    const unpaired = await fromMachine(LAN_CLIENT, look);
    expect(unpaired.statusCode).toBe(401);
    expect(unpaired.json()).toMatchObject({ error: 'pairing_required' });
    expect((await fromMachine(LAN_CLIENT, look, kioskCredential)).json<StaffCallResponse>()).toMatchObject({ id: called.id, kioskId: 'kiosk-door', acknowledgedAt: null });
  });

  it('orders as the kiosk its credential names, whatever the body claims', async () => {
    const placed = await fromMachine(LAN_CLIENT, { ...CALLS.order, payload: { ...ORDER, kioskId: server.config.kioskId } }, kioskCredential);
    expect(placed.statusCode).toBe(201);
    expect(placed.json<OrderResponse>().kioskId).toBe('kiosk-door');
    const called = await fromMachine(LAN_CLIENT, CALLS.staffCall, kioskCredential);
    expect(called.json<StaffCallResponse>().kioskId).toBe('kiosk-door');
    expect((await fromMachine(LAN_CLIENT, CALLS.decision, kioskCredential)).statusCode).toBe(201);
    expect((await fromMachine(LAN_CLIENT, { method: 'GET', url: '/api/config' }, kioskCredential)).json<KioskConfigResponse>().kioskId).toBe('kiosk-door');
  });

  it("may not order with another kind of device's credential (403), an unknown one or a revoked one (401)", async () => {
    const revoked = (await server.devices.register({ id: 'kiosk-revoked', storeId: server.config.storeId, kind: 'kiosk' })).credential;
    expect((await fromMachine(LAN_CLIENT, CALLS.order, revoked)).statusCode).toBe(201);
    await server.devices.revoke('kiosk-revoked');
    const before = await storedCounts();
    const kitchen = await fromMachine(LAN_CLIENT, CALLS.order, kitchenCredential);
    expect([kitchen.statusCode, kitchen.json().error]).toEqual([403, 'forbidden']);
    for (const credential of ['kiosk-door.not-the-secret', revoked]) {
      const response = await fromMachine(LAN_CLIENT, CALLS.order, credential);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: 'unauthenticated' });
    }
    // Even from this machine: a credential that is sent must be good.
    expect((await fromMachine('127.0.0.1', CALLS.order, revoked)).statusCode).toBe(401);
    expect((await fromMachine(LAN_CLIENT, { method: 'GET', url: '/api/config' }, revoked)).json<KioskConfigResponse>().kioskId).toBeNull();
    expect(await storedCounts()).toEqual(before);
  });
});

describe("the server's own screen", () => {
  it.each(['127.0.0.1', '::1', '::ffff:127.0.0.1'])('orders from %s without a credential, as KIOSK_ID', async (address) => {
    const placed = await fromMachine(address, CALLS.order);
    expect(placed.statusCode).toBe(201);
    expect(placed.json<OrderResponse>().kioskId).toBe(server.config.kioskId);
    expect((await fromMachine(address, { method: 'GET', url: '/api/config' })).json<KioskConfigResponse>().kioskId).toBe(server.config.kioskId);
  });

  it('must pair too when the server refuses unpaired kiosks (UNPAIRED_KIOSK=refuse)', async () => {
    const strict = await startTestServer({ env: { UNPAIRED_KIOSK: 'refuse' } });
    try {
      const refused = await fetch(`${strict.url}/api/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ORDER) });
      expect(refused.status).toBe(401);
      expect(((await (await fetch(`${strict.url}/api/config`)).json()) as KioskConfigResponse).kioskId).toBeNull();
      const { credential } = await strict.devices.register({ id: 'kiosk-strict', storeId: strict.config.storeId, kind: 'kiosk' });
      const placed = await fetch(`${strict.url}/api/orders`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` }, body: JSON.stringify(ORDER) });
      expect(placed.status).toBe(201);
      expect(((await placed.json()) as OrderResponse).kioskId).toBe('kiosk-strict');
    } finally {
      await strict.close();
    }
  });
});

describe('behind a proxy on this machine (TRUST_PROXY=on)', () => {
  it('judges the client the proxy names, and no client can name itself this machine', async () => {
    const proxied = await startTestServer({ env: { TRUST_PROXY: 'on' } });
    try {
      // The proxy (this test, on loopback) appends the address it saw to what the client sent.
      const order = (forwardedFor: string) =>
        fetch(`${proxied.url}/api/orders`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor }, body: JSON.stringify(ORDER) });
      expect((await order(LAN_CLIENT)).status).toBe(401);
      expect((await order(`127.0.0.1, ${LAN_CLIENT}`)).status).toBe(401);
      expect((await order('127.0.0.1')).status).toBe(201);
    } finally {
      await proxied.close();
    }
  });
});
