/**
 * A busy store's half year (180 days × 500 generated orders): building the cache as the server does
 * (reading the order lines from SQLite, choosing the settings, counting), beside a build with fixed
 * settings; then one recommendation's latency and throughput, side by side with what a user might
 * write instead: counting the order list per request, or a SQL GROUP BY on SQLite per request. Also
 * the cost of learning one new order (addOrder, then the next answer).
 */
import { sql } from 'kysely';
import { FACE_GROUPS } from '../../src/domain/customer-group';
import { CUSTOMER_GROUPS, type CustomerGroup } from '../../src/domain/order-rules';
import { generateDemoOrders } from '../../src/recommend/demo-orders';
import { ordersFromLines, type HistoryOrder } from '../../src/recommend/order-history';
import { Recommender } from '../../src/recommend/recommender';
import { describeSettings } from '../../src/recommend/recommender-settings';
import { tunedRecommender } from '../../src/recommend/tune-recommender';
import { StoreClock } from '../../src/recommend/store-clock';
import { OrderHistoryRepository } from '../../src/server/repositories/order-history.repository';
import { percentile } from '../../src/shared/percentile';
import { BENCH_STORE as STORE, demoOrderDatabase } from '../support/demo-order-database';

export type LatencyResult = { microsP50: number; microsP99: number; perSecond: number };

export type RecommenderBench = {
  orders: number;
  days: number;
  /** Reading the order lines from SQLite. */
  readMs: number;
  /** Choosing the settings (every candidate on a time-ordered split) and building the cache with them, up to the first answer. */
  buildMs: number;
  candidates: number;
  settings: string;
  /** Building with fixed settings instead, up to the first answer. */
  fixedBuildMs: number;
  recommend: LatencyResult;
  pairs: LatencyResult;
  /** addOrder, then the next recommend (which re-ranks every group and part of the day). */
  addOrderThenRecommend: LatencyResult;
  naive: (LatencyResult & { name: string; p50VsOurs: number })[];
};

const HOURS = [8, 9, 11, 12, 13, 15, 18, 19];
const SOLD_OUT = new Set(['kimchi-jeon']);

export async function measureRecommender(days = 180, perDay = 500): Promise<RecommenderBench> {
  const { db, menu } = await demoOrderDatabase(days, perDay);
  try {
    const started = performance.now();
    const history = ordersFromLines(await new OrderHistoryRepository(db).linesSince(STORE.storeId, '2000-01-01T00:00:00Z'));
    const readMs = performance.now() - started;
    const { recommender, tuning } = tunedRecommender(history, { timeZone: STORE.timeZone });
    recommender.recommend('unknown', 12);
    const buildMs = performance.now() - started - readMs;
    const fixedStarted = performance.now();
    Recommender.fromOrders(history, { timeZone: STORE.timeZone }).recommend('unknown', 12);
    const fixedBuildMs = performance.now() - fixedStarted;

    const question = (index: number) => ({ group: CUSTOMER_GROUPS[index % CUSTOMER_GROUPS.length]!, hour: HOURS[index % HOURS.length]! });
    const recommend = timeSync(20_000, (index) => {
      const { group, hour } = question(index);
      recommender.recommend(group, hour, 3, SOLD_OUT);
    });
    const carts = [['naengmyeon'], ['kimchi-stew', 'cola'], ['jeyuk'], ['kalguksu', 'sikhye']];
    const pairs = timeSync(20_000, (index) => recommender.pairs(carts[index % carts.length]!, 3, SOLD_OUT));
    const arriving = generateDemoOrders(menu, { days: 1, perDay: 500, seed: 2, end: Date.parse('2025-07-01T20:00:00+09:00'), timeZone: STORE.timeZone });
    const addOrderThenRecommend = timeSync(arriving.length, (index) => {
      const order = arriving[index]!;
      recommender.addOrder({ id: `new-${index}`, createdAt: order.createdAt, group: order.group, items: order.lines });
      recommender.recommend(order.group, 12, 3, SOLD_OUT);
    });

    const clock = new StoreClock(STORE.timeZone);
    const recount = timeSync(200, (index) => {
      const { group, hour } = question(index);
      naiveRecount(history, clock, group, hour);
    });
    const groupBy = await timeAsync(200, async (index) => {
      const { group, hour } = question(index);
      // Store hours in SQLite: UTC plus Seoul's nine hours, the way a quick query would do it.
      await sql`
        SELECT l.item_id, COUNT(DISTINCT o.id) AS orders FROM orders o JOIN order_lines l ON l.order_id = o.id
        WHERE o.store_id = ${STORE.storeId} AND o.customer_group = ${group}
          AND CAST(strftime('%H', o.created_at, '+9 hours') AS INTEGER) BETWEEN ${hour - 1} AND ${hour + 1}
          AND l.item_id NOT IN ('kimchi-jeon')
        GROUP BY l.item_id ORDER BY orders DESC LIMIT 3`.execute(db);
    });
    const versus = (name: string, result: LatencyResult) => ({ name, ...result, p50VsOurs: result.microsP50 / recommend.microsP50 });
    return {
      orders: history.length,
      days,
      readMs,
      buildMs,
      candidates: tuning.candidates.length,
      settings: describeSettings(tuning.chosen),
      fixedBuildMs,
      recommend,
      pairs,
      addOrderThenRecommend,
      naive: [versus('recount the order list per request (JS)', recount), versus('SQL GROUP BY per request (SQLite, in memory)', groupBy)],
    };
  } finally {
    await db.destroy();
  }
}

/** What a user might write first: count the group's dishes around this hour over every order, each time. */
function naiveRecount(history: readonly HistoryOrder[], clock: StoreClock, group: CustomerGroup, hour: number): string[] {
  const counts = new Map<string, number>();
  for (const order of history) {
    if (order.group !== group && FACE_GROUPS.includes(group as (typeof FACE_GROUPS)[number])) continue;
    if (Math.abs(clock.hourOf(order.createdAt) - hour) > 1) continue;
    for (const item of order.items) if (!SOLD_OUT.has(item.itemId)) counts.set(item.itemId, (counts.get(item.itemId) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([itemId]) => itemId);
}

function timeSync(calls: number, work: (index: number) => void): LatencyResult {
  for (let index = 0; index < Math.min(calls, 1000); index += 1) work(index);
  const timings: number[] = [];
  const started = performance.now();
  for (let index = 0; index < calls; index += 1) {
    const before = performance.now();
    work(index);
    timings.push((performance.now() - before) * 1000);
  }
  return summary(timings, performance.now() - started);
}

async function timeAsync(calls: number, work: (index: number) => Promise<void>): Promise<LatencyResult> {
  for (let index = 0; index < 10; index += 1) await work(index);
  const timings: number[] = [];
  const started = performance.now();
  for (let index = 0; index < calls; index += 1) {
    const before = performance.now();
    await work(index);
    timings.push((performance.now() - before) * 1000);
  }
  return summary(timings, performance.now() - started);
}

function summary(timingsMicros: number[], elapsedMs: number): LatencyResult {
  return { microsP50: percentile(timingsMicros, 0.5), microsP99: percentile(timingsMicros, 0.99), perSecond: (timingsMicros.length / elapsedMs) * 1000 };
}
