/** A SQLite database in memory holding a generated order history ending 30 June 2025, for the benches that read orders. */
import type { Kysely } from 'kysely';
import type { Menu } from '../../src/domain/menu';
import { generateDemoOrders } from '../../src/recommend/demo-orders';
import { migrateToLatest, openSqlite } from '../../src/server/db/database';
import type { Database } from '../../src/server/db/schema';
import { DemoOrderRepository } from '../../src/server/repositories/demo-order.repository';
import { seedDemoOrders } from '../../src/server/seed/seed-demo-orders';
import { demoMenu } from '../../src/test-support/demo-menu';

export const BENCH_STORE = { storeId: 'store-1', kioskId: 'kiosk-1', timeZone: 'Asia/Seoul' };
export const BENCH_LAST_DAY = '2025-06-30';

/** The caller destroys `db`. */
export async function demoOrderDatabase(days: number, perDay: number): Promise<{ db: Kysely<Database>; menu: Menu; orders: number }> {
  const menu = demoMenu();
  const generated = generateDemoOrders(menu, { days, perDay, seed: 1, end: Date.parse(`${BENCH_LAST_DAY}T20:00:00+09:00`), timeZone: BENCH_STORE.timeZone });
  const db = openSqlite(':memory:');
  try {
    await migrateToLatest(db);
    await seedDemoOrders(new DemoOrderRepository(db), menu, generated, BENCH_STORE, false);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return { db, menu, orders: generated.length };
}
