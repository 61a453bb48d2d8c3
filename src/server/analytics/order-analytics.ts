/**
 * Turns a period's orders into what the console charts: by customer group, by hour of the store's
 * day, by day, the top dishes of each group, and how often easy mode and voice were used. Pure:
 * the same numbers from SQLite or PostgreSQL rows, and easy to test.
 */
import type { AnalyticsResponse } from '../../contracts/http';
import { CUSTOMER_GROUPS, type CustomerGroup } from '../../domain/order-rules';
import { StoreClock } from '../../recommend/store-clock';

export type AnalysedOrder = { id: string; createdAt: string; businessDate: string; group: string; total: number; uiMode: string; voiceUsed: boolean };
export type AnalysedLine = { orderId: string; itemId: string; ko: string; quantity: number };

const TOP_ITEMS = 5;

type Tally = { orders: number; revenue: number; easy: number; voice: number };
const emptyTally = (): Tally => ({ orders: 0, revenue: 0, easy: 0, voice: 0 });
const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

export function analyseOrders(orders: AnalysedOrder[], lines: AnalysedLine[], timeZone: string, days: number): AnalyticsResponse {
  const clock = new StoreClock(timeZone);
  const groups = new Map<CustomerGroup, Tally>(CUSTOMER_GROUPS.map((group) => [group, emptyTally()]));
  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, orders: 0, revenue: 0, byGroup: {} as Record<string, number> }));
  const daysSeen = new Map<string, { orders: number; revenue: number }>();
  const total = emptyTally();
  const groupOfOrder = new Map<string, CustomerGroup>();

  for (const order of orders) {
    const group = (CUSTOMER_GROUPS as readonly string[]).includes(order.group) ? (order.group as CustomerGroup) : 'unknown';
    groupOfOrder.set(order.id, group);
    for (const tally of [total, groups.get(group)!]) {
      tally.orders += 1;
      tally.revenue += order.total;
      if (order.uiMode === 'easy') tally.easy += 1;
      if (order.voiceUsed) tally.voice += 1;
    }
    const hour = hours[clock.hourOf(Date.parse(order.createdAt))]!;
    hour.orders += 1;
    hour.revenue += order.total;
    hour.byGroup[group] = (hour.byGroup[group] ?? 0) + 1;
    const day = daysSeen.get(order.businessDate) ?? { orders: 0, revenue: 0 };
    day.orders += 1;
    day.revenue += order.total;
    daysSeen.set(order.businessDate, day);
  }

  const dishes = new Map<CustomerGroup, Map<string, { ko: string; quantity: number }>>();
  for (const line of lines) {
    const group = groupOfOrder.get(line.orderId);
    if (!group) continue;
    const counts = dishes.get(group) ?? new Map<string, { ko: string; quantity: number }>();
    const count = counts.get(line.itemId) ?? { ko: line.ko, quantity: 0 };
    count.quantity += line.quantity;
    counts.set(line.itemId, count);
    dishes.set(group, counts);
  }

  return {
    days,
    totals: { orders: total.orders, revenue: total.revenue, averageBasket: share(total.revenue, total.orders), easyModeShare: share(total.easy, total.orders), voiceShare: share(total.voice, total.orders) },
    byGroup: CUSTOMER_GROUPS.map((group) => {
      const tally = groups.get(group)!;
      return { group, orders: tally.orders, revenue: tally.revenue, averageBasket: share(tally.revenue, tally.orders), easyModeShare: share(tally.easy, tally.orders), voiceShare: share(tally.voice, tally.orders) };
    }),
    byHour: hours,
    byDay: [...daysSeen.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, day]) => ({ date, orders: day.orders, revenue: day.revenue, averageBasket: share(day.revenue, day.orders) })),
    topItems: CUSTOMER_GROUPS.map((group) => ({
      group,
      items: [...(dishes.get(group) ?? new Map()).entries()]
        .map(([itemId, count]) => ({ itemId, ko: count.ko, quantity: count.quantity }))
        .sort((a, b) => b.quantity - a.quantity || a.itemId.localeCompare(b.itemId))
        .slice(0, TOP_ITEMS),
    })),
  };
}
