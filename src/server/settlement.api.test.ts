/**
 * Counter payment, cancellations and refunds through the console's API, on a real server and
 * broker (PostgreSQL too with TEST_DATABASE=postgres): what is revenue, what the boards hear,
 * and the audit log of who did what, when and why.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminOrdersResponse, AnalyticsResponse, AuditLogResponse, OrderResponse } from '../contracts/http';
import { OrderMessage, parseMessage } from '../iot/messages';
import { topics } from '../iot/topics';
import { consoleSession, type ConsoleCaller } from '../test-support/console-session';
import { listen, type Listener } from '../test-support/mqtt-listener';
import { startTestServer, type TestServer } from '../test-support/test-server';

let server: TestServer;
let owner: ConsoleCaller;
let staff: ConsoleCaller;
let kitchen: Listener;
let kitchenCredential: string;

beforeAll(async () => {
  server = await startTestServer();
  [owner, staff] = await Promise.all([consoleSession(server, 'owner'), consoleSession(server, 'staff')]);
  kitchenCredential = (await server.devices.register({ id: 'kitchen-1', storeId: server.config.storeId, kind: 'kitchen' })).credential;
  kitchen = await listen(server.brokerUrl, { username: 'kitchen-1', password: kitchenCredential });
  await kitchen.client.subscribeAsync(topics.orders(server.config.storeId), { qos: 1 });
}, 60_000);
afterAll(async () => {
  await kitchen.close();
  await server.close();
});

const json = async <T>(response: Response | Promise<Response>): Promise<T> => (await response).json() as Promise<T>;

async function placeOrder(payment: { method: 'card' | 'counter' } = { method: 'card' }): Promise<Response> {
  return fetch(`${server.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ items: [{ itemId: 'kimchi-stew', quantity: 1 }], diningOption: 'dine_in', payment }),
  });
}
const placed = async (payment?: { method: 'card' | 'counter' }) => {
  const response = await placeOrder(payment);
  expect(response.status).toBe(201);
  return json<OrderResponse>(response);
};

const summary = async () => (await json<AdminOrdersResponse>(owner('GET', '/api/admin/orders'))).summary;
const revenueOfAnalytics = async () => (await json<AnalyticsResponse>(owner('GET', '/api/admin/analytics?days=1'))).totals.revenue;
const audit = async () => (await json<AuditLogResponse>(owner('GET', '/api/admin/audit'))).entries;
const openForKitchen = async () =>
  (await json<{ orders: OrderResponse[] }>(fetch(`${server.url}/api/orders/open`, { headers: { authorization: `Bearer ${kitchenCredential}` } }))).orders.map((order) => order.id);

describe('payment at the counter', () => {
  it('is refused until the owner allows it, then stays unpaid and out of revenue until staff take the money', async () => {
    const before = await summary();
    const refused = await placeOrder({ method: 'counter' });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: 'counter_payment_off' });
    expect((await summary()).count).toBe(before.count);

    expect((await json<{ counterPayment: boolean }>(fetch(`${server.url}/api/config`))).counterPayment).toBe(false);
    expect((await owner('PATCH', '/api/admin/settings', { counterPayment: true })).status).toBe(200);
    expect((await json<{ counterPayment: boolean }>(fetch(`${server.url}/api/config`))).counterPayment).toBe(true);

    const analyticsBefore = await revenueOfAnalytics();
    const order = await placed({ method: 'counter' });
    expect(order.payment).toEqual({ method: 'counter', approvalCode: '', amount: 9000, paid: false, settledWith: null, refunded: false });
    expect(order.status).toBe('paid');
    expect(await openForKitchen()).toContain(order.id);
    expect(await summary()).toMatchObject({ count: before.count + 1, revenue: before.revenue, unpaid: before.unpaid + 1, unpaidAmount: before.unpaidAmount + 9000 });
    expect(await revenueOfAnalytics()).toBe(analyticsBefore);

    const settled = await staff('POST', `/api/admin/orders/${order.id}/settle`, { method: 'cash' });
    expect(settled.status).toBe(200);
    expect((await json<OrderResponse>(settled)).payment).toMatchObject({ paid: true, settledWith: 'cash' });
    expect(await summary()).toMatchObject({ revenue: before.revenue + 9000, unpaid: before.unpaid });
    expect(await revenueOfAnalytics()).toBe(analyticsBefore + 9000);

    const again = await owner('POST', `/api/admin/orders/${order.id}/settle`, { method: 'card' });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ error: 'already_paid' });
    expect((await staff('POST', `/api/admin/orders/${order.id}/settle`, { method: 'cheque' })).status).toBe(400);
    expect((await staff('POST', `/api/admin/orders/${order.id}/settle`, { method: 'cash' }, {})).status).toBe(403);

    const [entry] = (await audit()).filter((candidate) => candidate.orderId === order.id);
    expect(entry).toMatchObject({ action: 'order.settled', actorRole: 'staff', reason: null, detail: { method: 'cash', amount: 9000, orderNumber: order.orderNumber } });
    expect(entry!.actor).toMatch(/^staff-/);
  });

  it('says which order does not exist', async () => {
    const missing = await staff('POST', '/api/admin/orders/00000000-0000-4000-8000-000000000000/settle', { method: 'cash' });
    expect(missing.status).toBe(404);
  });
});

describe('cancelling an order', () => {
  it('refunds a card payment through the terminal, takes it off the boards and out of revenue, and logs who and why', async () => {
    const order = await placed();
    const before = await summary();
    const analyticsBefore = await revenueOfAnalytics();

    const forbidden = await staff('POST', `/api/admin/orders/${order.id}/cancel`, { reason: '고객 변심' });
    expect(forbidden.status).toBe(403);
    expect((await owner('POST', `/api/admin/orders/${order.id}/cancel`, { reason: '   ' })).status).toBe(400);
    expect((await owner('POST', `/api/admin/orders/${order.id}/cancel`, {})).status).toBe(400);

    const response = await owner('POST', `/api/admin/orders/${order.id}/cancel`, { reason: '고객 변심' });
    expect(response.status).toBe(200);
    const cancelled = await json<OrderResponse>(response);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.cancellation).toMatchObject({ reason: '고객 변심' });
    expect(cancelled.payment).toMatchObject({ paid: true, refunded: true });

    const message = await kitchen.next(({ payload }) => parseMessage(OrderMessage, payload).order.id === order.id && parseMessage(OrderMessage, payload).order.status === 'cancelled');
    expect(parseMessage(OrderMessage, message.payload).event).toBe('status');
    expect(message.payload).not.toContain('고객 변심');
    expect(await openForKitchen()).not.toContain(order.id);
    expect(await summary()).toMatchObject({ count: before.count - 1, revenue: before.revenue - 9000, cancelled: before.cancelled + 1 });
    expect(await revenueOfAnalytics()).toBe(analyticsBefore - 9000);

    const entries = (await audit()).filter((entry) => entry.orderId === order.id);
    expect(entries.map((entry) => entry.action).sort()).toEqual(['order.cancelled', 'order.refunded']);
    const refund = entries.find((entry) => entry.action === 'order.refunded')!;
    expect(refund).toMatchObject({ actorRole: 'owner', reason: '고객 변심', detail: { via: 'terminal', amount: 9000 } });
    expect(refund.detail.refundCode).toMatch(/^[0-9A-F]{8}$/);

    const twice = await owner('POST', `/api/admin/orders/${order.id}/cancel`, { reason: '다시' });
    expect(twice.status).toBe(409);
    expect((await owner('POST', `/api/admin/orders/${order.id}/settle`, { method: 'cash' })).status).toBe(409);
    expect((await audit()).filter((entry) => entry.orderId === order.id)).toHaveLength(2);
  });

  it('cancels nothing when the terminal refuses the refund', async () => {
    const order = await placed();
    await server.db.updateTable('payments').set({ approval_code: 'NOTOURS1' }).where('order_id', '=', order.id).execute();
    const refused = await owner('POST', `/api/admin/orders/${order.id}/cancel`, { reason: '주방 실수' });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ error: 'refund_refused' });
    expect((await json<OrderResponse>(fetch(`${server.url}/api/orders/${order.id}`))).status).toBe('paid');
    expect((await audit()).filter((entry) => entry.orderId === order.id)).toEqual([]);
    expect(await openForKitchen()).toContain(order.id);
  });

  it('lets staff cancel once the owner allows it; an unpaid counter order has nothing to refund', async () => {
    expect((await owner('PATCH', '/api/admin/settings', { staffMayCancel: true, counterPayment: true })).status).toBe(200);
    const order = await placed({ method: 'counter' });
    const response = await staff('POST', `/api/admin/orders/${order.id}/cancel`, { reason: '손님이 가셨어요' });
    expect(response.status).toBe(200);
    expect((await json<OrderResponse>(response)).payment).toMatchObject({ paid: false, refunded: false });
    expect((await audit()).filter((entry) => entry.orderId === order.id).map((entry) => [entry.action, entry.actorRole])).toEqual([['order.cancelled', 'staff']]);
    expect((await summary()).unpaid).toBe(0);
  });

  it('keeps the audit log from staff', async () => {
    expect((await staff('GET', '/api/admin/audit')).status).toBe(403);
  });
});
