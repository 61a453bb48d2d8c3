import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoHistory, generateDemoOrders } from '../../recommend/demo-orders';
import { ordersFromLines } from '../../recommend/order-history';
import { demoMenu } from '../../test-support/demo-menu';
import { migrateToLatest, openSqlite } from '../db/database';
import { DemoOrderRepository } from '../repositories/demo-order.repository';
import { OrderHistoryRepository } from '../repositories/order-history.repository';
import { OrderRepository } from '../repositories/order.repository';
import { DemoOrdersExistError, seedDemoOrders } from './seed-demo-orders';

const STORE = { storeId: 'store-1', kioskId: 'kiosk-1', timeZone: 'Asia/Seoul' };
const generate = (seed: number) => generateDemoOrders(demoMenu({ soldOut: ['cola'] }), { days: 3, perDay: 60, seed, end: Date.parse('2025-06-30T15:00:00+09:00'), timeZone: STORE.timeZone });

describe('seedDemoOrders', () => {
  let db: ReturnType<typeof openSqlite>;
  beforeEach(async () => {
    db = openSqlite(':memory:');
    await migrateToLatest(db);
  });
  afterEach(() => db.destroy());

  it('writes every generated order, priced from the menu: totals match their lines and payments', async () => {
    const orders = generate(1);
    const written = await seedDemoOrders(new DemoOrderRepository(db), demoMenu({ soldOut: ['cola'] }), orders, STORE, false);
    expect(written.orders).toBe(orders.length);
    const stored = await db.selectFrom('orders').selectAll().execute();
    expect(stored).toHaveLength(orders.length);
    expect(stored.every((order) => order.idempotency_key.startsWith('demo-') && order.status === 'picked_up')).toBe(true);

    const mismatched = await sql<{ id: string }>`
      SELECT o.id FROM orders o
      LEFT JOIN (SELECT order_id, SUM(line_total) AS lines_total, SUM(line_total != unit_price * quantity) AS wrong_lines FROM order_lines GROUP BY order_id) l ON l.order_id = o.id
      JOIN payments p ON p.order_id = o.id
      WHERE l.lines_total IS NOT o.total OR l.wrong_lines > 0 OR p.amount != o.total`.execute(db);
    expect(mismatched.rows).toEqual([]);
    const menuPrices = new Map(demoMenu().items.map((item) => [item.id, item.price]));
    const lines = await db.selectFrom('order_lines').selectAll().execute();
    const extras = await db.selectFrom('order_line_options').select(['order_id', 'line_no', 'extra_price']).execute();
    const extraOf = (orderId: string, lineNo: number) => extras.filter((option) => option.order_id === orderId && option.line_no === lineNo).reduce((sum, option) => sum + option.extra_price, 0);
    expect(lines.every((line) => line.unit_price === menuPrices.get(line.item_id)! + extraOf(line.order_id, line.line_no))).toBe(true);
    expect(lines.some((line) => line.item_id === 'cola')).toBe(true);

    // Numbered 1, 2, 3… on each business day, in time order.
    const days = new Map<string, number[]>();
    for (const order of [...stored].sort((a, b) => a.created_at.localeCompare(b.created_at))) days.set(order.business_date, [...(days.get(order.business_date) ?? []), order.order_number]);
    expect([...days.keys()]).toEqual(['2025-06-28', '2025-06-29', '2025-06-30']);
    for (const numbers of days.values()) expect(numbers).toEqual(numbers.map((_, index) => index + 1));

    // A kiosk's next order today follows the generated ones.
    const today = [...days.entries()].at(-1)!;
    const next = await db.transaction().execute((trx) => new OrderRepository(db).nextOrderNumber(trx, STORE.storeId, today[0]));
    expect(next).toBe(today[1].length + 1);

    // The recommender reads back the same history from the database.
    const history = ordersFromLines(await new OrderHistoryRepository(db).linesSince(STORE.storeId, '2025-01-01T00:00:00Z'));
    expect(history.map(({ createdAt, group, items }) => ({ createdAt, group, items }))).toEqual(demoHistory(orders).map(({ createdAt, group, items }) => ({ createdAt, group, items })));
  });

  it('refuses to write over earlier demo orders unless asked to replace them, and keeps real orders', async () => {
    const repository = new DemoOrderRepository(db);
    await seedDemoOrders(repository, demoMenu(), generate(1), STORE, false);
    await db.updateTable('orders').set({ idempotency_key: 'a-real-kiosk-key' }).where('order_number', '=', 1).where('business_date', '=', '2025-06-30').execute();
    await expect(seedDemoOrders(repository, demoMenu(), generate(2), STORE, false)).rejects.toThrow(DemoOrdersExistError);

    const again = generate(2);
    await seedDemoOrders(repository, demoMenu(), again, STORE, true);
    expect(await repository.count(STORE.storeId)).toBe(again.length);
    const lastDay = await db.selectFrom('orders').select(['order_number', 'idempotency_key']).where('business_date', '=', '2025-06-30').orderBy('order_number').execute();
    expect(lastDay[0]).toEqual({ order_number: 1, idempotency_key: 'a-real-kiosk-key' });
    expect(lastDay.slice(1).map((order) => order.order_number)).toEqual(lastDay.slice(1).map((_, index) => index + 2));
  });
});
