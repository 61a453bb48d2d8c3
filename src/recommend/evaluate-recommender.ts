/**
 * How well the recommender predicts what customers order: train on the earliest 80 % of orders
 * (where the tuner chooses its settings on a time-ordered split of its own), then for each later
 * order recommend k dishes from its group and hour alone. A hit is any of the order's dishes among
 * them; NDCG@k gives each of the order's dishes relevance 1. Beside ours, the simple baselines a
 * kiosk could show instead (popularity-baselines.ts), scored on the same orders.
 */
import type { CustomerGroup } from '../domain/order-rules';
import { splitInTime, type HistoryOrder } from './order-history';
import { DECAYED_BASELINE_HALF_LIFE_DAYS, mostOrderedBaseline, type Baseline } from './popularity-baselines';
import { segmentOf } from './segments';
import { StoreClock } from './store-clock';
import { tunedRecommender, type Tuning, type TuningOptions } from './tune-recommender';

export type Score = { hitRate: number; ndcg: number };

export type RecommenderEvaluation = Score & {
  k: number;
  /** Test orders. */
  n: number;
  trainOrders: number;
  baselines: { overallPopularity: Score; groupPopularity: Score; decayedGroupPopularity: Score };
  tuning: Tuning;
};

/** The share of the orders (the earliest) trained on; the rest are the test. */
export const EVAL_TRAIN_SHARE = 0.8;

export function evaluateRecommender(orders: readonly HistoryOrder[], k: number, options: TuningOptions = {}): RecommenderEvaluation {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number from 1, not ${k}.`);
  const { earlier: train, later: test } = splitInTime(orders, EVAL_TRAIN_SHARE);
  if (train.length < 1 || test.length < 1) throw new RangeError(`${orders.length} orders are too few to train on 80 % and test on the rest.`);

  const { recommender, tuning } = tunedRecommender(train, options, k);
  const clock = new StoreClock(recommender.options.timeZone);
  const groupOf = (group: CustomerGroup) => segmentOf(group, recommender.options.ageOnly) ?? 'unknown';
  const score = (recommend: (order: HistoryOrder) => readonly string[]) => scoreRecommendations(test, k, recommend);
  const byGroup = (baseline: Baseline) => score((order) => baseline(order.group));
  return {
    k,
    n: test.length,
    trainOrders: train.length,
    ...score((order) => recommender.recommend(order.group, clock.hourOf(order.createdAt), k).map((recommendation) => recommendation.itemId)),
    baselines: {
      overallPopularity: byGroup(mostOrderedBaseline(train, k, () => 'everyone')),
      groupPopularity: byGroup(mostOrderedBaseline(train, k, groupOf)),
      decayedGroupPopularity: byGroup(mostOrderedBaseline(train, k, groupOf, DECAYED_BASELINE_HALF_LIFE_DAYS)),
    },
    tuning,
  };
}

/** Hit rate and NDCG@k of `recommend` over `orders`. */
export function scoreRecommendations(orders: readonly HistoryOrder[], k: number, recommend: (order: HistoryOrder) => readonly string[]): Score {
  let hits = 0;
  let gain = 0;
  for (const order of orders) {
    const ordered = new Set(order.items.map((item) => item.itemId));
    const recommended = recommend(order);
    if (recommended.some((itemId) => ordered.has(itemId))) hits += 1;
    gain += ndcg(recommended, ordered, k);
  }
  return { hitRate: hits / orders.length, ndcg: gain / orders.length };
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
