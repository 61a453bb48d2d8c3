/** The kitchen's undo and "call again": only by the store's kitchen devices, only from the right step, and heard by the boards. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderResponse } from '../contracts/http';
import { OrderMessage, parseMessage } from '../iot/messages';
import { topics } from '../iot/topics';
import { listen } from '../test-support/mqtt-listener';
import { startTestServer, type TestServer } from '../test-support/test-server';

let server: TestServer;
const credentials: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const [id, storeId, kind] of [
    ['kitchen-1', 'store-1', 'kitchen'],
    ['pager-1', 'store-1', 'pager'],
    ['kitchen-b', 'store-2', 'kitchen'],
  ] as const) {
    credentials[id] = (await server.devices.register({ id, storeId, kind })).credential;
  }
});
afterAll(() => server.close());

const as = (deviceId: string) => ({ authorization: `Bearer ${credentials[deviceId]}`, 'content-type': 'application/json' });
const post = (path: string, deviceId: string, body?: unknown) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: body === undefined ? { authorization: as(deviceId).authorization } : as(deviceId), ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

async function placeOrder(): Promise<OrderResponse> {
  const response = await fetch(`${server.url}/api/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items: [{ itemId: 'bibimbap', quantity: 1 }], diningOption: 'dine_in' }) });
  return (await response.json()) as OrderResponse;
}

describe('undo the last step', () => {
  it('moves an order one step back and tells the boards, only while it is still at that step', async () => {
    const listener = await listen(server.brokerUrl, { username: 'kitchen-1', password: credentials['kitchen-1']! });
    await listener.client.subscribeAsync(topics.orders('store-1'), { qos: 1 });
    const order = await placeOrder();
    expect((await post(`/api/orders/${order.id}/undo`, 'kitchen-1', { status: 'ready' })).status).toBe(409);
    await post(`/api/orders/${order.id}/status`, 'kitchen-1', { status: 'ready' });
    const undone = await post(`/api/orders/${order.id}/undo`, 'kitchen-1', { status: 'ready' });
    expect(undone.status).toBe(200);
    expect(((await undone.json()) as OrderResponse).status).toBe('paid');
    const message = await listener.next((received) => parseMessage(OrderMessage, received.payload).event === 'undone');
    expect(parseMessage(OrderMessage, message.payload).order).toMatchObject({ id: order.id, status: 'paid' });
    // Twice is once too many: the order is no longer ready.
    expect((await post(`/api/orders/${order.id}/undo`, 'kitchen-1', { status: 'ready' })).status).toBe(409);
    await listener.close();
  });

  it('is for the store\'s kitchen devices only', async () => {
    const order = await placeOrder();
    await post(`/api/orders/${order.id}/status`, 'kitchen-1', { status: 'ready' });
    expect((await post(`/api/orders/${order.id}/undo`, 'pager-1', { status: 'ready' })).status).toBe(403);
    // Another store's device is not this server's device at all.
    expect((await post(`/api/orders/${order.id}/undo`, 'kitchen-b', { status: 'ready' })).status).toBe(401);
    expect((await fetch(`${server.url}/api/orders/${order.id}/undo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"status":"ready"}' })).status).toBe(401);
    expect((await post(`/api/orders/${order.id}/undo`, 'kitchen-1', { status: 'paid' })).status).toBe(400);
    expect(await statusOf(order.id)).toBe('ready');
  });
});

describe('call a number again', () => {
  it('publishes a call for a ready order, and refuses one still cooking', async () => {
    const listener = await listen(server.brokerUrl, { username: 'kitchen-1', password: credentials['kitchen-1']! });
    await listener.client.subscribeAsync(topics.orders('store-1'), { qos: 1 });
    const order = await placeOrder();
    expect((await post(`/api/orders/${order.id}/call-again`, 'kitchen-1')).status).toBe(409);
    await post(`/api/orders/${order.id}/status`, 'kitchen-1', { status: 'ready' });
    expect((await post(`/api/orders/${order.id}/call-again`, 'kitchen-1')).status).toBe(200);
    const message = await listener.next((received) => parseMessage(OrderMessage, received.payload).event === 'called');
    expect(parseMessage(OrderMessage, message.payload).order).toMatchObject({ id: order.id, status: 'ready' });
    expect(await statusOf(order.id)).toBe('ready');
    await listener.close();
  });
});

async function statusOf(id: string): Promise<string> {
  return (await server.db.selectFrom('orders').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
}
