import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { consoleSession } from '../test-support/console-session';
import { startTestServer, type TestServer } from '../test-support/test-server';
import type { ErrorResponse, MenuResponse, OrderResponse, StaffCallResponse } from '../contracts/http';
import { SIMULATOR_CARDS } from '../contracts/simulator-cards';

let server: TestServer;
let clock = new Date('2026-11-28T03:00:00Z');

beforeAll(async () => {
  server = await startTestServer({ now: () => clock });
});
afterAll(() => server.close());
beforeEach(() => {
  clock = new Date('2026-11-28T03:00:00Z');
});

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const read = <T>(response: Response | Promise<Response>) => Promise.resolve(response).then((r) => r.json() as Promise<T>);

const orderCount = async () => Number((await server.db.selectFrom('orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const lineCount = async () => Number((await server.db.selectFrom('order_lines').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('GET /api/menu', () => {
  it('serves the seeded demo store with pictures', async () => {
    const menu = await read<MenuResponse>(fetch(`${server.url}/api/menu`));
    expect(menu.categories.map((category) => category.id)).toEqual(['meals', 'noodles', 'sides', 'drinks']);
    expect(menu.items).toHaveLength(19);
    const stew = menu.items.find((item) => item.id === 'kimchi-stew');
    expect(stew).toMatchObject({ ko: '김치찌개', en: 'Kimchi Stew', price: 9000, optionGroupIds: ['spice', 'rice'] });
    const picture = await fetch(`${server.url}${stew?.imageUrl}`);
    expect(picture.headers.get('content-type')).toBe('image/svg+xml');
    expect(await picture.text()).toContain('<svg');
  });

  it('refuses paths out of the file store', async () => {
    for (const bad of ['/media/..%2F..%2Fkiosk.sqlite', '/media/menu/../../kiosk.sqlite', '/media/%2Fetc%2Fpasswd']) {
      expect((await fetch(`${server.url}${bad}`)).status).toBe(404);
    }
  });
});

describe('POST /api/orders', () => {
  it('stores the documented body with server-computed prices and answers 201', async () => {
    const response = await post({
      items: [{ itemId: 'kimchi-stew', quantity: 2, options: { spice: 'mild' }, price: 1 }],
      diningOption: 'dine_in',
      total: 5,
    });
    expect(response.status).toBe(201);
    const order = await read<OrderResponse>(response);
    expect(order).toMatchObject({ total: 18000, diningOption: 'dine_in', customerGroup: 'unknown', status: 'paid' });
    expect(order.orderNumber).toBeGreaterThan(0);
    const stored = await read<OrderResponse>(fetch(`${server.url}/api/orders/${order.id}`));
    expect(stored.lines).toEqual([
      expect.objectContaining({
        itemId: 'kimchi-stew',
        quantity: 2,
        unitPrice: 9000,
        lineTotal: 18000,
        options: [
          expect.objectContaining({ groupId: 'spice', valueId: 'mild', ko: '순한맛' }),
          expect.objectContaining({ groupId: 'rice', valueId: 'none' }),
        ],
      }),
    ]);
    expect(stored.payment).toMatchObject({ method: 'card', amount: 18000 });
  });

  it('stores the customer group and mode', async () => {
    const order = await read<OrderResponse>(
      post({ items: [{ itemId: 'cola', quantity: 1 }], diningOption: 'takeout', customerGroup: 'senior_female', uiMode: 'easy' }),
    );
    expect(order).toMatchObject({ customerGroup: 'senior_female', uiMode: 'easy', diningOption: 'takeout', total: 2000 });
  });

  it('answers a repeated Idempotency-Key with the same order, never a second', async () => {
    const body = { items: [{ itemId: 'bibimbap', quantity: 1, options: { bowl: 'stone' } }], diningOption: 'takeout' };
    const before = await orderCount();
    const first = await post(body, { 'idempotency-key': 'retry-test-0001' });
    const second = await post(body, { 'idempotency-key': 'retry-test-0001' });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await second.json()).toEqual(await first.json());
    expect(await orderCount()).toBe(before + 1);
  });

  it('stores one order when retries of the same key arrive at once', async () => {
    const body = { items: [{ itemId: 'gun-mandu', quantity: 3 }], diningOption: 'dine_in' };
    const before = await orderCount();
    const answers = await Promise.all(Array.from({ length: 8 }, () => post(body, { 'idempotency-key': 'concurrent-key-01' })));
    expect(answers.map((answer) => answer.status)).toEqual(Array(8).fill(201));
    const ids = new Set(await Promise.all(answers.map(async (answer) => (await read<OrderResponse>(answer)).id)));
    expect(ids.size).toBe(1);
    expect(await orderCount()).toBe(before + 1);
  });

  it('refuses a reused key with a different order', async () => {
    await post({ items: [{ itemId: 'cola', quantity: 1 }], diningOption: 'dine_in' }, { 'idempotency-key': 'reused-key-0001' });
    const again = await post({ items: [{ itemId: 'cola', quantity: 2 }], diningOption: 'dine_in' }, { 'idempotency-key': 'reused-key-0001' });
    expect(again.status).toBe(409);
    expect((await read<ErrorResponse>(again)).error).toBe('idempotency_key_reused');
  });

  it('refuses a key that would pass for generated demo history', async () => {
    const before = await orderCount();
    expect((await post({ items: [{ itemId: 'cola', quantity: 1 }], diningOption: 'dine_in' }, { 'idempotency-key': 'demo-not-really' })).status).toBe(400);
    expect(await orderCount()).toBe(before);
  });

  it.each([
    ['an unknown item', { items: [{ itemId: 'pizza', quantity: 1 }], diningOption: 'dine_in' }, 'Unknown item'],
    ['an unknown option', { items: [{ itemId: 'cola', quantity: 1, options: { spice: 'hot' } }], diningOption: 'dine_in' }, 'no option'],
    ['an unknown option value', { items: [{ itemId: 'jeyuk', quantity: 1, options: { spice: 'volcano' } }], diningOption: 'dine_in' }, 'no value'],
    ['quantity 0', { items: [{ itemId: 'cola', quantity: 0 }], diningOption: 'dine_in' }, 'Quantity'],
    ['quantity 100', { items: [{ itemId: 'cola', quantity: 100 }], diningOption: 'dine_in' }, 'Quantity'],
    ['a fractional quantity', { items: [{ itemId: 'cola', quantity: 1.5 }], diningOption: 'dine_in' }, 'integer'],
    ['51 lines', { items: Array.from({ length: 51 }, () => ({ itemId: 'cola', quantity: 1 })), diningOption: 'dine_in' }, 'at most 50'],
    ['no items', { items: [], diningOption: 'dine_in' }, 'no items'],
    ['a bad dining option', { items: [{ itemId: 'cola', quantity: 1 }], diningOption: 'drive_thru' }, 'diningOption'],
    ['a missing dining option', { items: [{ itemId: 'cola', quantity: 1 }] }, 'diningOption'],
    ['an unknown customer group', { items: [{ itemId: 'cola', quantity: 1 }], diningOption: 'dine_in', customerGroup: 'robot' }, 'customerGroup'],
    ['malformed JSON', '{"items": [', 'not valid JSON'],
    ['an array body', '[1,2]', 'Invalid request'],
    ['an oversized body', JSON.stringify({ items: [{ itemId: 'cola', quantity: 1 }], diningOption: 'dine_in', pad: 'x'.repeat(70_000) }), 'too large'],
  ])('answers 400 for %s and stores nothing', async (_name, body, message) => {
    const [orders, lines] = [await orderCount(), await lineCount()];
    const response = await post(body);
    expect(response.status).toBe(400);
    const answer = await read<ErrorResponse>(response);
    expect(answer.message).toContain(message);
    expect([await orderCount(), await lineCount()]).toEqual([orders, lines]);
  });

  it('answers 402 for a declined card, stores nothing, and takes a retry with another card', async () => {
    const body = { items: [{ itemId: 'kalguksu', quantity: 1 }], diningOption: 'dine_in' };
    const before = await orderCount();
    const declined = await post({ ...body, payment: { cardToken: SIMULATOR_CARDS.declined } }, { 'idempotency-key': 'declined-key-01' });
    expect(declined.status).toBe(402);
    expect(await declined.json()).toMatchObject({ error: 'payment_declined' });
    expect(await orderCount()).toBe(before);
    const retried = await post(body, { 'idempotency-key': 'declined-key-02' });
    expect(retried.status).toBe(201);
  });

  it('numbers orders one after another and starts again each day in the store time zone', async () => {
    clock = new Date('2026-12-01T14:00:00Z'); // 23:00 in Seoul
    const body = { items: [{ itemId: 'cola', quantity: 1 }], diningOption: 'dine_in' };
    const first = (await read<OrderResponse>(post(body))).orderNumber;
    const second = (await read<OrderResponse>(post(body))).orderNumber;
    clock = new Date('2026-12-01T15:30:00Z'); // 00:30 the next day in Seoul
    const nextDay = (await read<OrderResponse>(post(body))).orderNumber;
    expect([first, second, nextDay]).toEqual([1, 2, 1]);
  });

  it('gives 40 orders placed at once the numbers 1 to 40, each once', async () => {
    clock = new Date('2026-12-03T03:00:00Z');
    const body = { items: [{ itemId: 'cola', quantity: 1 }], diningOption: 'takeout' };
    const answers = await Promise.all(Array.from({ length: 40 }, () => post(body)));
    expect(answers.map((answer) => answer.status)).toEqual(Array(40).fill(201));
    const numbers = await Promise.all(answers.map(async (answer) => (await read<OrderResponse>(answer)).orderNumber));
    expect(numbers.toSorted((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
  });
});

describe('POST /api/orders taken offline by a kiosk', () => {
  const body = { items: [{ itemId: 'kimchi-stew', quantity: 1 }], diningOption: 'dine_in', offline: { number: 'K1-7' } };

  it('keeps the kiosk number, charges no card and records payment at the counter', async () => {
    const response = await post({ ...body, payment: { cardToken: SIMULATOR_CARDS.declined } }, { 'idempotency-key': 'offline-key-0001' });
    expect(response.status).toBe(201);
    const order = await read<OrderResponse>(response);
    expect(order).toMatchObject({ offlineNumber: 'K1-7', total: 9000, payment: { method: 'counter', approvalCode: '', amount: 9000 } });
    expect(order.orderNumber).toBeGreaterThan(0);
    const stored = await server.db.selectFrom('orders').select(['offline_number']).where('id', '=', order.id).executeTakeFirstOrThrow();
    expect(stored.offline_number).toBe('K1-7');
  });

  it('answers a resent offline order with the first result, never a second order', async () => {
    const before = await orderCount();
    const first = await read<OrderResponse>(post(body, { 'idempotency-key': 'offline-key-0002' }));
    const again = await post(body, { 'idempotency-key': 'offline-key-0002' });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(first);
    expect(await orderCount()).toBe(before + 1);
  });

  it('answers with the charged order when a card payment that did arrive is resent offline', async () => {
    const card = { items: body.items, diningOption: 'dine_in', payment: { cardToken: SIMULATOR_CARDS.approved } };
    const paid = await read<OrderResponse>(post(card, { 'idempotency-key': 'offline-key-0003' }));
    const before = await orderCount();
    const resent = await read<OrderResponse>(post(body, { 'idempotency-key': 'offline-key-0003' }));
    expect(resent).toEqual(paid);
    expect(resent.payment.method).toBe('card');
    expect(await orderCount()).toBe(before);
  });

  it('takes an offline order whose dish sold out since the kiosk showed it: the customer holds its number', async () => {
    const owner = await consoleSession(server, 'owner');
    expect((await owner('PATCH', '/api/admin/menu/items/kimchi-stew', { soldOut: true })).status).toBe(200);
    try {
      expect((await post({ items: body.items, diningOption: 'dine_in', payment: { cardToken: SIMULATOR_CARDS.approved } })).status).toBe(400);
      const response = await post({ ...body, offline: { number: 'K1-8' } }, { 'idempotency-key': 'offline-key-0004' });
      expect(response.status).toBe(201);
      expect(await read<OrderResponse>(response)).toMatchObject({ offlineNumber: 'K1-8', total: 9000, payment: { method: 'counter' } });
    } finally {
      expect((await owner('PATCH', '/api/admin/menu/items/kimchi-stew', { soldOut: false })).status).toBe(200);
    }
  });

  it.each([['a server-style number', '42'], ['lower case', 'k1-7'], ['no count', 'K1-'], ['too long', 'KIOSK1234-1'], ['a number', 7]])(
    'answers 400 for an offline number that is %s and stores nothing',
    async (_name, number) => {
      const before = await orderCount();
      const response = await post({ ...body, offline: { number } });
      expect(response.status).toBe(400);
      expect((await read<ErrorResponse>(response)).message).toContain('offline/number');
      expect(await orderCount()).toBe(before);
    },
  );
});

describe('POST /api/staff-calls', () => {
  it('stores the call with the kiosk and screen', async () => {
    const response = await fetch(`${server.url}/api/staff-calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ screen: 'payment' }),
    });
    expect(response.status).toBe(201);
    const call = await read<StaffCallResponse>(response);
    const stored = await server.db.selectFrom('staff_calls').selectAll().where('id', '=', call.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ kiosk_id: 'kiosk-1', screen: 'payment', refused_offline_number: null, acknowledged_at: null });
  });

  it('stores a call the kiosk makes about an offline order the server refused, and checks its number', async () => {
    const call = (body: unknown) => fetch(`${server.url}/api/staff-calls`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const response = await call({ refusedOfflineNumber: 'K1-7' });
    expect(response.status).toBe(201);
    expect(await read<StaffCallResponse>(response)).toMatchObject({ kioskId: 'kiosk-1', screen: null, refusedOfflineNumber: 'K1-7' });
    const refused = await call({ refusedOfflineNumber: '<b>7</b>' });
    expect(refused.status).toBe(400);
    expect((await read<ErrorResponse>(refused)).message).toContain('refusedOfflineNumber');
  });

  it('tells the calling kiosk, and only it, when staff have answered', async () => {
    const made = await read<StaffCallResponse>(fetch(`${server.url}/api/staff-calls`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ screen: 'browse' }) }));
    const look = (headers: Record<string, string> = {}, id = made.id) => fetch(`${server.url}/api/staff-calls/${id}`, { headers });
    expect(await read<StaffCallResponse>(look())).toMatchObject({ id: made.id, acknowledgedAt: null });

    const { credential: pager } = await server.devices.register({ id: 'pager-answers', storeId: server.config.storeId, kind: 'pager' });
    const answered = await fetch(`${server.url}/api/staff-calls/${made.id}/acknowledge`, { method: 'POST', headers: { authorization: `Bearer ${pager}` } });
    expect(answered.status).toBe(200);
    expect((await read<StaffCallResponse>(look())).acknowledgedAt).toBe(clock.toISOString());

    const { credential: otherKiosk } = await server.devices.register({ id: 'kiosk-other-call', storeId: server.config.storeId, kind: 'kiosk' });
    const elsewhere = await look({ authorization: `Bearer ${otherKiosk}` });
    expect(elsewhere.status).toBe(404);
    expect((await look({}, 'not-a-uuid')).status).toBe(400);
  });
});
