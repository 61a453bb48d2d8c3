/**
 * What a kiosk could show without a recommender, to hold ours against: the k dishes in most
 * earlier orders, overall or within the customer's group (customers of no known group are a group
 * here too), with plain counts or counts that halve every week. Written apart from the recommender
 * on purpose, so a mistake there does not hide here.
 */
import type { CustomerGroup } from '../domain/order-rules';
import type { HistoryOrder } from './order-history';

export type Baseline = (group: CustomerGroup) => readonly string[];

/** The decayed baseline's half-life: a week, the rhythm of a restaurant's trade. */
export const DECAYED_BASELINE_HALF_LIFE_DAYS = 7;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The k dishes in most of `orders` per key (a dish counts once per order), each order weighted
 * 2^(−age/half-life) before the latest order when `halfLifeDays` is given; keys never seen get the overall list.
 */
export function mostOrderedBaseline(orders: readonly HistoryOrder[], k: number, keyOf: (group: CustomerGroup) => string, halfLifeDays: number | null = null): Baseline {
  const latest = Math.max(...orders.map((order) => order.createdAt));
  const byKey = new Map<string, Map<string, number>>();
  const overall = new Map<string, number>();
  for (const order of orders) {
    const weight = halfLifeDays === null ? 1 : 2 ** ((order.createdAt - latest) / (halfLifeDays * DAY_MS));
    const key = keyOf(order.group);
    if (!byKey.has(key)) byKey.set(key, new Map());
    for (const itemId of new Set(order.items.map((item) => item.itemId))) {
      for (const counts of [byKey.get(key)!, overall]) counts.set(itemId, (counts.get(itemId) ?? 0) + weight);
    }
  }
  const top = (counts: Map<string, number>) =>
    [...counts]
      .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1))
      .slice(0, k)
      .map(([itemId]) => itemId);
  const lists = new Map([...byKey].map(([key, counts]) => [key, top(counts)]));
  const everyone = top(overall);
  return (group) => lists.get(keyOf(group)) ?? everyone;
}
