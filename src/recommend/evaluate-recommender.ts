/**
 * How well the recommender predicts what customers order: train on the earliest 80 % of orders,
 * then for each later order recommend k dishes from its group and hour alone. A hit is any of the
 * order's dishes among them; NDCG@k gives each of the order's dishes relevance 1. The baseline is
 * what a kiosk without a recommender would show: the k dishes in most training orders.
 */
import type { HistoryOrder } from './order-history';
import { Recommender, type RecommenderOptions } from './recommender';
import { StoreClock } from './store-clock';

export type RecommenderEvaluation = {
  k: number;
  /** Test orders. */
  n: number;
  hitRate: number;
  baselineHitRate: number;
  ndcg: number;
  baselineNdcg: number;
  trainOrders: number;
};

const TRAIN_SHARE = 0.8;

export function evaluateRecommender(orders: readonly HistoryOrder[], k: number, options: Partial<RecommenderOptions> = {}): RecommenderEvaluation {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number from 1, not ${k}.`);
  // Stable: orders at the same instant keep the file's order.
  const chronological = [...orders].sort((a, b) => a.createdAt - b.createdAt);
  const trainCount = Math.floor(chronological.length * TRAIN_SHARE);
  if (trainCount < 1 || trainCount === chronological.length) throw new RangeError(`${chronological.length} orders are too few to train on 80 % and test on the rest.`);
  const train = chronological.slice(0, trainCount);
  const test = chronological.slice(trainCount);

  const recommender = Recommender.fromOrders(train, options);
  const clock = new StoreClock(recommender.options.timeZone);
  const baseline = mostOrdered(train, k);
  let hits = 0;
  let baselineHits = 0;
  let gain = 0;
  let baselineGain = 0;
  for (const order of test) {
    const ordered = new Set(order.items.map((item) => item.itemId));
    const recommended = recommender.recommend(order.group, clock.hourOf(order.createdAt), k).map((recommendation) => recommendation.itemId);
    if (recommended.some((itemId) => ordered.has(itemId))) hits += 1;
    if (baseline.some((itemId) => ordered.has(itemId))) baselineHits += 1;
    gain += ndcg(recommended, ordered, k);
    baselineGain += ndcg(baseline, ordered, k);
  }
  return { k, n: test.length, hitRate: hits / test.length, baselineHitRate: baselineHits / test.length, ndcg: gain / test.length, baselineNdcg: baselineGain / test.length, trainOrders: train.length };
}

/** The k dishes in most orders (ties by id). */
function mostOrdered(orders: readonly HistoryOrder[], k: number): string[] {
  const counts = new Map<string, number>();
  for (const order of orders) for (const itemId of new Set(order.items.map((item) => item.itemId))) counts.set(itemId, (counts.get(itemId) ?? 0) + 1);
  return [...counts]
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1))
    .slice(0, k)
    .map(([itemId]) => itemId);
}

/** DCG of the list over the best possible DCG, each ordered dish relevant 1. */
function ndcg(recommended: readonly string[], ordered: ReadonlySet<string>, k: number): number {
  let dcg = 0;
  recommended.forEach((itemId, rank) => {
    if (ordered.has(itemId)) dcg += 1 / Math.log2(rank + 2);
  });
  let ideal = 0;
  for (let rank = 0; rank < Math.min(k, ordered.size); rank += 1) ideal += 1 / Math.log2(rank + 2);
  return ideal > 0 ? dcg / ideal : 0;
}
