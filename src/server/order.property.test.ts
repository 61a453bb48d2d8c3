/**
 * The order API under random and hostile requests (property-based, fast-check), through the real
 * server and database: whatever the body, headers or query string, the answer is never a 5xx; a
 * refused request stores nothing (rows counted before and after); a valid random order is priced
 * from the menu alone, and its idempotency key replays it or refuses a different body.
 */
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MenuResponse, OrderRequest, OrderResponse } from '../contracts/http';
import { SIMULATOR_CARDS } from '../contracts/simulator-cards';
import { CUSTOMER_GROUPS, DINING_OPTIONS, ORDER_LIMITS, UI_MODES } from '../domain/order-rules';
import { startTestServer, type TestServer } from '../test-support/test-server';

let server: TestServer;
let menu: MenuResponse;
const tried = { hostile: 0, valid: 0, queries: 0 };

beforeAll(async () => {
  server = await startTestServer({ now: () => new Date('2026-11-28T03:00:00Z') });
  menu = (await server.app.inject({ method: 'GET', url: '/api/menu' })).json<MenuResponse>();
}, 60_000);
afterAll(async () => {
  console.log(`order API property tests: ${tried.hostile} hostile requests, ${tried.valid} valid random orders (each replayed and altered under its key), ${tried.queries} random paths and query strings tried`);
  await server.close();
}, 60_000);

async function storedRows(): Promise<{ orders: number; lines: number; options: number; payments: number }> {
  const count = async (table: 'orders' | 'order_lines' | 'order_line_options' | 'payments') =>
    Number((await server.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return { orders: await count('orders'), lines: await count('order_lines'), options: await count('order_line_options'), payments: await count('payments') };
}

/** The price of a line from the menu alone: the dish, plus each of its option groups' chosen (or first) value. */
function expectedUnitPrice(line: { itemId: string; options?: Record<string, string> }): number {
  const item = menu.items.find((candidate) => candidate.id === line.itemId)!;
  return item.optionGroupIds.reduce((sum, groupId) => {
    const values = menu.optionGroups.find((group) => group.id === groupId)!.values;
    const chosen = values.find((value) => value.id === line.options?.[groupId]) ?? values[0]!;
    return sum + chosen.extraPrice;
  }, item.price);
}

/** An accepted order must be exactly what was asked for, priced from the menu. */
function expectPricedAsAsked(order: OrderResponse, request: OrderRequest): void {
  expect(order.lines.map((line) => [line.itemId, line.quantity])).toEqual(request.items.map((line) => [line.itemId, line.quantity]));
  order.lines.forEach((line, index) => {
    expect(line.unitPrice).toBe(expectedUnitPrice(request.items[index]!));
    expect(line.lineTotal).toBe(line.unitPrice * line.quantity);
  });
  expect(order.total).toBe(order.lines.reduce((sum, line) => sum + line.lineTotal, 0));
  expect(order.payment.amount).toBe(order.total);
}

const post = (payload: string, headers: Record<string, string>) => server.app.inject({ method: 'POST', url: '/api/orders', payload, headers });

// ---- generators -------------------------------------------------------------------------------

const validLine = () =>
  fc.constantFrom(...menu.items.filter((item) => !item.soldOut)).chain((item) =>
    fc.record({
      itemId: fc.constant(item.id),
      quantity: fc.integer({ min: ORDER_LIMITS.minQuantity, max: ORDER_LIMITS.maxQuantity }),
      options: fc.record(
        Object.fromEntries(item.optionGroupIds.map((groupId) => [groupId, fc.constantFrom(...menu.optionGroups.find((group) => group.id === groupId)!.values.map((value) => value.id))])),
        { requiredKeys: [] },
      ),
    }),
  );

const validOrder = () =>
  fc.record(
    {
      items: fc.array(validLine(), { minLength: 1, maxLength: ORDER_LIMITS.maxLines }),
      diningOption: fc.constantFrom(...DINING_OPTIONS),
      customerGroup: fc.constantFrom(...CUSTOMER_GROUPS),
      uiMode: fc.constantFrom(...UI_MODES),
      voiceUsed: fc.boolean(),
    },
    { requiredKeys: ['items', 'diningOption'] },
  ) as fc.Arbitrary<OrderRequest>;

const idempotencyKey = fc.stringMatching(/^[A-Za-z0-9_.:-]{8,40}$/);

const nasty = fc.constantFrom(
  '<img src=x onerror=alert(1)>',
  "'; DROP TABLE orders; --",
  '../../etc/passwd',
  '__proto__',
  'constructor',
  '\u0000',
  '\ud800',
  '😀'.repeat(40),
  'x'.repeat(5000),
  -1,
  0,
  100,
  1.5,
  1e308,
  -0,
  Number.MAX_SAFE_INTEGER + 2,
  null,
  true,
  [],
  {},
);
const anyValue = fc.oneof(nasty, fc.jsonValue({ maxDepth: 3 }));

/** A valid order with one part replaced by something hostile: the closest misses find the most bugs. */
const ALTERED_PARTS = ['items', 'item', 'itemId', 'quantity', 'options', 'option', 'diningOption', 'customerGroup', 'uiMode', 'voiceUsed', 'payment', 'extra'] as const;
const alteredOrder = () =>
  fc.tuple(validOrder(), fc.constantFrom(...ALTERED_PARTS), anyValue, fc.string({ maxLength: 70 })).map(([order, part, value, key]) => {
    const body = structuredClone(order) as Record<string, unknown>;
    const items = body.items as unknown[];
    const line = items[0] as Record<string, unknown>;
    if (part === 'item') items[0] = value;
    else if (part === 'itemId' || part === 'quantity' || part === 'options') line[part] = value;
    else if (part === 'option') line.options = { [key]: value };
    else if (part === 'extra') body[key] = value;
    else body[part] = value;
    return JSON.stringify(body);
  });

const rawBody = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{"items":[{"itemId":"cola","quantity":1}],"diningOption":"dine_in","__proto__":{"admin":true}}', '{"items":', '[]', 'null', '""', '{"items":[],"diningOption":"dine_in"}', `{"items":[${'{"itemId":"cola","quantity":1},'.repeat(ORDER_LIMITS.maxLines)}{"itemId":"cola","quantity":1}],"diningOption":"dine_in"}`),
);

const printableAscii = fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code));
const hostileHeaders = fc.record(
  {
    'content-type': fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16'),
    'idempotency-key': fc.oneof(idempotencyKey, fc.string({ unit: printableAscii, maxLength: 200 }), fc.constant('demo-12345678')),
  },
  { requiredKeys: ['content-type'] },
);

// ---- properties -------------------------------------------------------------------------------

describe('the order API with random and hostile requests', { timeout: 300_000 }, () => {
  it('never answers 5xx, and stores nothing for a refused request', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(alteredOrder(), rawBody), hostileHeaders, async (payload, headers) => {
        tried.hostile += 1;
        const before = await storedRows();
        const response = await post(payload, headers);
        expect(response.statusCode, response.body).toBeLessThan(500);
        const after = await storedRows();
        if (response.statusCode !== 201 || response.headers['idempotent-replayed']) return void expect(after).toEqual(before);
        // Accepted: a hostile part the schema lets through (an unknown extra field) changes nothing of the order.
        expectPricedAsAsked(response.json<OrderResponse>(), JSON.parse(payload) as OrderRequest);
        expect(after.orders).toBe(before.orders + 1);
      }),
      { numRuns: 400 },
    );
  });

  it('prices random valid orders from the menu, replays them by key, and refuses a changed body under the same key', async () => {
    await fc.assert(
      fc.asyncProperty(validOrder(), idempotencyKey, fc.constantFrom(...Object.values(SIMULATOR_CARDS)), async (order, key, card) => {
        tried.valid += 1;
        const headers = { 'content-type': 'application/json', 'idempotency-key': `${key}-${tried.valid}` };
        const body = { ...order, payment: { cardToken: card } };
        const before = await storedRows();
        const placed = await post(JSON.stringify(body), headers);
        if (card !== SIMULATOR_CARDS.approved) {
          // A declined card stores nothing at all.
          expect(placed.statusCode).toBe(402);
          return void expect(await storedRows()).toEqual(before);
        }
        expect(placed.statusCode, placed.body).toBe(201);
        const stored = placed.json<OrderResponse>();
        expectPricedAsAsked(stored, order);
        const afterFirst = await storedRows();
        expect(afterFirst.orders).toBe(before.orders + 1);
        expect(afterFirst.lines).toBe(before.lines + order.items.length);

        const replay = await post(JSON.stringify(body), headers);
        expect(replay.statusCode).toBe(201);
        expect(replay.headers['idempotent-replayed']).toBe('true');
        expect(replay.json<OrderResponse>().id).toBe(stored.id);
        const changed = { ...body, items: [{ ...order.items[0]!, quantity: (order.items[0]!.quantity % ORDER_LIMITS.maxQuantity) + 1 }, ...order.items.slice(1)] };
        expect((await post(JSON.stringify(changed), headers)).statusCode).toBe(409);
        expect(await storedRows()).toEqual(afterFirst);
      }),
      { numRuns: 100 },
    );
  });

  it('never answers 5xx to random paths, query strings and device credentials on the order routes', async () => {
    const request = fc.record({
      method: fc.constantFrom('GET', 'POST'),
      route: fc.constantFrom('/api/orders/', '/api/orders/open', '/api/orders/{id}/status'),
      segment: fc.oneof(fc.uuid(), fc.webSegment(), fc.constantFrom('..', '%2e%2e', '%00', 'open', '%F0%9F%98%80')),
      query: fc.webQueryParameters(),
      authorization: fc.option(fc.oneof(fc.string({ unit: printableAscii, maxLength: 80 }), fc.string({ unit: printableAscii, maxLength: 60 }).map((token) => `Bearer ${token}`)), { nil: undefined }),
      status: fc.oneof(fc.constantFrom('ready', 'picked_up', 'paid'), fc.jsonValue({ maxDepth: 1 })),
    });
    await fc.assert(
      fc.asyncProperty(request, async ({ method, route, segment, query, authorization, status }) => {
        tried.queries += 1;
        const path = route === '/api/orders/' ? `${route}${segment}` : route.replace('{id}', segment);
        const options: InjectOptions = {
          method,
          url: `${path}?${query}`,
          headers: { ...(authorization ? { authorization } : {}), ...(method === 'POST' ? { 'content-type': 'application/json' } : {}) },
          ...(method === 'POST' ? { payload: JSON.stringify({ status }) } : {}),
        };
        const before = await storedRows();
        const response = await server.app.inject(options);
        expect(response.statusCode, `${method} ${options.url}: ${response.body}`).toBeLessThan(500);
        expect(await storedRows()).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });
});
