/** Recommendations over HTTP: learned from the store's orders, by group and hour, never a sold-out dish. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecommendationsResponse } from '../contracts/http';
import { DEMO_TASTES, generateDemoOrders } from '../recommend/demo-orders';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { DemoOrderRepository } from './repositories/demo-order.repository';
import { MenuRepository } from './repositories/menu.repository';
import { SettingsRepository } from './repositories/settings.repository';
import { seedDemoOrders } from './seed/seed-demo-orders';
import { SettingsService, defaultSettings } from './services/settings.service';
import { MenuService } from './services/menu.service';

/** Lunchtime in Seoul: the generated history has this hour's orders whatever time the test runs at. */
const LUNCH = new Date('2026-11-27T03:30:00Z');
const now = () => LUNCH;

async function recommendations(server: TestServer, query: string): Promise<RecommendationsResponse> {
  const response = await fetch(`${server.url}/api/recommendations?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as RecommendationsResponse;
}

describe('with the demo store history', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ now });
    const menu = await new MenuService(new MenuRepository(server.db)).getMenu();
    const history = generateDemoOrders(menu, { days: 30, perDay: 200, seed: 3, end: LUNCH.getTime(), timeZone: server.config.timeZone });
    await seedDemoOrders(new DemoOrderRepository(server.db), menu, history, server.config, false);
  });
  afterAll(() => server.close());

  it("suggests a senior woman her group's favourites, saying so", async () => {
    const answer = await recommendations(server, 'group=senior_female');
    expect(answer.audience).toEqual({ kind: 'group', segment: 'senior_female', seniorAge: 60 });
    expect(answer.items).toHaveLength(3);
    expect(answer.items.filter((item) => DEMO_TASTES.senior_female.includes(item.itemId)).length).toBeGreaterThanOrEqual(2);
    expect(answer.items.some((item) => item.reason.kind === 'group')).toBe(true);
  });

  it('suggests what sells now when nobody is recognised, and pairs for the cart', async () => {
    const answer = await recommendations(server, 'cart=kimchi-stew');
    expect(answer.audience).toEqual({ kind: 'popular' });
    expect(answer.items.every((item) => item.reason.kind === 'popular' && item.itemId !== 'kimchi-stew')).toBe(true);
    expect(answer.pairs.length).toBeGreaterThan(0);
    expect(answer.pairs.every((pair) => pair.reason.kind === 'pair' && pair.itemId !== 'kimchi-stew')).toBe(true);
  });

  it('never suggests a sold-out dish, and can leave gender out', async () => {
    const [top] = (await recommendations(server, 'group=senior_female')).items;
    await new MenuRepository(server.db).updateItem(top!.itemId, { sold_out: 1 });
    expect((await recommendations(server, 'group=senior_female')).items.map((item) => item.itemId)).not.toContain(top!.itemId);
    await new SettingsService(new SettingsRepository(server.db), defaultSettings(server.config)).update(server.config.storeId, { recommendByAgeOnly: true });
    expect((await recommendations(server, 'group=senior_female')).audience).toMatchObject({ kind: 'group', segment: 'senior' });
  });

  it('refuses a group it does not know', async () => {
    expect((await fetch(`${server.url}/api/recommendations?group=teenager`)).status).toBe(400);
    expect((await fetch(`${server.url}/api/recommendations?cart=a;b`)).status).toBe(400);
  });
});

describe('learning as orders arrive', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ now });
  });
  afterAll(() => server.close());

  it("picks up a new store's first orders at once, and what goes with what", async () => {
    expect((await recommendations(server, 'group=senior_male')).items).toEqual([]);
    for (let order = 0; order < 12; order += 1) {
      const placed = await fetch(`${server.url}/api/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ items: [{ itemId: 'seolleongtang', quantity: 1 }, { itemId: 'sikhye', quantity: 1 }], diningOption: 'dine_in', customerGroup: 'senior_male' }),
      });
      expect(placed.status).toBe(201);
    }
    const answer = await recommendations(server, 'group=senior_male&cart=seolleongtang');
    expect(answer.items.map((item) => item.itemId)).toEqual(['sikhye']);
    expect(answer.pairs).toEqual([]); // sikhye is already suggested above
    const fresh = await recommendations(server, 'group=general_female&cart=seolleongtang');
    expect(fresh.items.map((item) => item.itemId)).toEqual(['sikhye']);
    expect(fresh.pairs).toEqual([]);
    expect((await recommendations(server, 'cart=sikhye')).items.map((item) => item.itemId)).toEqual(['seolleongtang']);
  });
});

describe('rebuilding once a day', () => {
  let server: TestServer;
  let clock = LUNCH;
  beforeAll(async () => {
    server = await startTestServer({ now: () => clock });
  });
  afterAll(() => server.close());

  it('reads the history again, choosing the settings anew, a day after the cache was built', async () => {
    expect((await recommendations(server, 'group=senior_female')).items).toEqual([]);
    // Orders that reach the database without passing the server (an import) are unknown to the cache…
    const menu = await new MenuService(new MenuRepository(server.db)).getMenu();
    const history = generateDemoOrders(menu, { days: 14, perDay: 100, seed: 4, end: LUNCH.getTime(), timeZone: server.config.timeZone });
    await seedDemoOrders(new DemoOrderRepository(server.db), menu, history, server.config, false);
    expect((await recommendations(server, 'group=senior_female')).items).toEqual([]);
    clock = new Date(LUNCH.getTime() + 23 * 3_600_000);
    expect((await recommendations(server, 'group=senior_female')).items).toEqual([]);
    // …until a day has passed: the old cache answers while the new one is built, then the new one.
    clock = new Date(LUNCH.getTime() + 25 * 3_600_000);
    await expect.poll(async () => (await recommendations(server, 'group=senior_female')).items.length, { timeout: 20_000 }).toBe(3);
  });
});
