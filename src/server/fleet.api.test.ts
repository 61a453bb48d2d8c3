/**
 * The fleet on the embedded broker: devices sign in with their own credentials, see their own
 * store only, and hear of orders and staff calls the moment the API stores them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderResponse, StaffCallResponse } from '../contracts/http';
import { OrderMessage, parseMessage, StaffCallMessage } from '../iot/messages';
import { topics } from '../iot/topics';
import { listen, type Listener } from '../test-support/mqtt-listener';
import { EMBEDDED_BROKER, startTestServer, type TestServer } from '../test-support/test-server';
import { DeviceRepository } from './repositories/device.repository';
import { DeviceService } from './services/device.service';

let server: TestServer;
let devices: DeviceService;
const credentials: Record<string, string> = {};
const open: Listener[] = [];

beforeAll(async () => {
  // The embedded broker in every run (TEST_MQTT too): its sign-in and ACLs are what is tested here.
  server = await startTestServer({ env: EMBEDDED_BROKER });
  devices = new DeviceService(new DeviceRepository(server.db));
  for (const [id, storeId, kind] of [
    ['kitchen-1', 'store-1', 'kitchen'],
    ['pager-1', 'store-1', 'pager'],
    ['kiosk-1', 'store-1', 'kiosk'],
    ['kitchen-b', 'store-2', 'kitchen'],
    ['kiosk-b', 'store-2', 'kiosk'],
  ] as const) {
    credentials[id] = (await devices.register({ id, storeId, kind })).credential;
  }
});
afterAll(async () => {
  await Promise.all(open.map((listener) => listener.close()));
  await server.close();
});

const webSocketUrl = () => `${server.url.replace('http', 'ws')}/mqtt`;
async function signIn(id: string, url = webSocketUrl(), password = credentials[id]!, clientId?: string): Promise<Listener> {
  const listener = await listen(url, { username: id, password, ...(clientId ? { clientId } : {}) });
  open.push(listener);
  return listener;
}
const bearer = (id: string) => ({ authorization: `Bearer ${credentials[id]}` });
const authorized = (id: string) => ({ ...bearer(id), 'content-type': 'application/json' });

async function placeOrder(): Promise<OrderResponse> {
  const response = await fetch(`${server.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ items: [{ itemId: 'kimchi-stew', quantity: 2 }], diningOption: 'takeout' }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as OrderResponse;
}

describe('the broker', () => {
  it('refuses unknown, wrong and revoked credentials', async () => {
    await expect(listen(webSocketUrl(), { username: 'kitchen-1', password: 'kitchen-1.wrong' })).rejects.toThrow(/Not authorized/i);
    await expect(listen(server.brokerUrl, { username: 'nobody', password: 'nobody.secret' })).rejects.toThrow(/Not authorized/i);
    // A credential only signs in as its own device.
    await expect(listen(webSocketUrl(), { username: 'pager-1', password: credentials['kitchen-1'] })).rejects.toThrow(/Not authorized/i);
    const { credential } = await devices.register({ id: 'old-pager', storeId: 'store-1', kind: 'pager' });
    await devices.revoke('old-pager');
    await expect(listen(webSocketUrl(), { username: 'old-pager', password: credential })).rejects.toThrow(/Not authorized/i);
  });

  it('ends a device\'s open connections when the server revokes it', async () => {
    const { credential } = await server.devices.register({ id: 'pager-revoked-live', storeId: 'store-1', kind: 'pager' });
    const pager = await signIn('pager-revoked-live', webSocketUrl(), credential);
    const closed = new Promise<void>((resolve) => pager.client.once('close', () => resolve()));
    await server.devices.revoke('pager-revoked-live');
    await closed;
    expect(pager.client.connected).toBe(false);
  });

  it('lets the server shut down while device pages are still connected over WebSocket', async () => {
    const closing = await startTestServer({ env: EMBEDDED_BROKER });
    const { credential } = await closing.devices.register({ id: 'kitchen-closing', storeId: 'store-1', kind: 'kitchen' });
    const page = await listen(`${closing.url.replace('http', 'ws')}/mqtt`, { username: 'kitchen-closing', password: credential });
    try {
      // A kitchen display never hangs up by itself: without the server ending it, close() would wait forever.
      await closing.close();
      await expect.poll(() => page.client.connected).toBe(false);
    } finally {
      await page.close();
    }
  });

  it("refuses another store's devices at sign-in, as the API does", async () => {
    await expect(listen(server.brokerUrl, { username: 'kitchen-b', password: credentials['kitchen-b']! })).rejects.toThrow(/Not authorized/i);
    await expect(listen(webSocketUrl(), { username: 'kiosk-b', password: credentials['kiosk-b']! })).rejects.toThrow(/Not authorized/i);
  });

  it('keeps a client id to the device holding it: another device cannot take it over, the same one can', async () => {
    const kitchen = await signIn('kitchen-1', server.brokerUrl, credentials['kitchen-1']!, 'shared-client-id');
    await expect(listen(server.brokerUrl, { username: 'pager-1', password: credentials['pager-1']!, clientId: 'shared-client-id' })).rejects.toThrow(/Identifier rejected/i);
    await expect(listen(webSocketUrl(), { username: 'kiosk-1', password: credentials['kiosk-1']!, clientId: 'shared-client-id' })).rejects.toThrow(/Identifier rejected/i);
    expect(kitchen.client.connected).toBe(true);
    const again = await signIn('kitchen-1', server.brokerUrl, credentials['kitchen-1']!, 'shared-client-id');
    expect(again.client.connected).toBe(true);
  });

  it('does not let a kiosk speak for the kitchen or another kiosk', async () => {
    const kitchen = await signIn('kitchen-1');
    await kitchen.client.subscribeAsync('store/store-1/#');
    const kiosk = await signIn('kiosk-1', server.brokerUrl);
    kiosk.client.publish(topics.orders('store-1'), JSON.stringify({ v: 1, event: 'created', order: { forged: true } }));
    kiosk.client.publish(topics.kioskGroup('store-1', 'kiosk-2'), '{}');
    const honest = JSON.stringify({ v: 1, status: 'online', at: new Date().toISOString() });
    await signIn('kiosk-1', server.brokerUrl).then((again) => again.client.publishAsync(topics.kioskStatus('store-1', 'kiosk-1'), honest, { qos: 1 }));
    await kitchen.next((message) => message.topic === topics.kioskStatus('store-1', 'kiosk-1'));
    expect(kitchen.received.map((message) => message.topic)).toEqual([topics.kioskStatus('store-1', 'kiosk-1')]);
  });
});

describe('orders reach the kitchen', () => {
  it('publishes a new order, then each status change the kitchen makes', async () => {
    const kitchen = await signIn('kitchen-1');
    await kitchen.client.subscribeAsync(topics.orders('store-1'), { qos: 1 });
    const order = await placeOrder();
    const created = parseMessage(OrderMessage, (await kitchen.next((message) => message.payload.includes(order.id))).payload);
    expect(created).toMatchObject({ v: 1, event: 'created', order: { id: order.id, orderNumber: order.orderNumber, status: 'paid', diningOption: 'takeout' } });
    expect(created.order.lines[0]).toMatchObject({ itemId: 'kimchi-stew', ko: '김치찌개', quantity: 2 });
    expect(JSON.parse((await kitchen.next((message) => message.payload.includes(order.id))).payload)).not.toHaveProperty('order.payment');

    const openOrders = (await (await fetch(`${server.url}/api/orders/open`, { headers: authorized('kitchen-1') })).json()) as { orders: OrderResponse[] };
    expect(openOrders.orders.map((open) => open.id)).toContain(order.id);

    const ready = await fetch(`${server.url}/api/orders/${order.id}/status`, { method: 'POST', headers: authorized('kitchen-1'), body: JSON.stringify({ status: 'ready' }) });
    expect(ready.status).toBe(200);
    const status = parseMessage(OrderMessage, (await kitchen.next((message) => message.payload.includes('"event":"status"') && message.payload.includes(order.id))).payload);
    expect(status.order.status).toBe('ready');

    const again = await fetch(`${server.url}/api/orders/${order.id}/status`, { method: 'POST', headers: authorized('kitchen-1'), body: JSON.stringify({ status: 'ready' }) });
    expect(again.status).toBe(409);
    const skip = await fetch(`${server.url}/api/orders/${(await placeOrder()).id}/status`, { method: 'POST', headers: authorized('kitchen-1'), body: JSON.stringify({ status: 'picked_up' }) });
    expect(skip.status).toBe(409);
  });

  it("answers 401 without a credential or with another store's, and 403 for the wrong device", async () => {
    const order = await placeOrder();
    const body = JSON.stringify({ status: 'ready' });
    expect((await fetch(`${server.url}/api/orders/open`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/orders/open`, { headers: { authorization: 'Bearer kitchen-1.forged' } })).status).toBe(401);
    expect((await fetch(`${server.url}/api/orders/${order.id}/status`, { method: 'POST', headers: authorized('pager-1'), body })).status).toBe(403);
    expect((await fetch(`${server.url}/api/orders/${order.id}/status`, { method: 'POST', headers: authorized('kitchen-b'), body })).status).toBe(401);
    expect((await fetch(`${server.url}/api/orders/open`, { headers: authorized('kitchen-b') })).status).toBe(401);
    const stored = await server.db.selectFrom('orders').select('status').where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(stored.status).toBe('paid');
  });
});

describe('staff calls reach the pager', () => {
  it('publishes a call and its acknowledgement; only the first answer counts', async () => {
    const pager = await signIn('pager-1');
    await pager.client.subscribeAsync(topics.staffCalls('store-1'), { qos: 1 });
    const response = await fetch(`${server.url}/api/staff-calls`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ screen: 'payment' }) });
    const call = (await response.json()) as StaffCallResponse;
    const created = parseMessage(StaffCallMessage, (await pager.next((message) => message.payload.includes(call.id))).payload);
    expect(created).toMatchObject({ event: 'created', call: { id: call.id, kioskId: 'kiosk-1', screen: 'payment', acknowledgedAt: null } });

    const openCalls = (await (await fetch(`${server.url}/api/staff-calls/open`, { headers: authorized('pager-1') })).json()) as { calls: StaffCallResponse[] };
    expect(openCalls.calls.map((open) => open.id)).toEqual([call.id]);
    const acknowledge = () => fetch(`${server.url}/api/staff-calls/${call.id}/acknowledge`, { method: 'POST', headers: bearer('pager-1') });
    expect((await acknowledge()).status).toBe(200);
    expect((await acknowledge()).status).toBe(409);
    const answered = parseMessage(StaffCallMessage, (await pager.next((message) => message.payload.includes('"event":"acknowledged"'))).payload);
    expect(answered.call.acknowledgedAt).not.toBeNull();
    expect((await fetch(`${server.url}/api/staff-calls/open`, { headers: authorized('pager-1') }).then((r) => r.json())) as unknown).toEqual({ calls: [] });
  });
});
