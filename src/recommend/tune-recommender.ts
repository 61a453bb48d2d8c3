/**
 * Chooses a store's recommender settings from its own history, in time order only: learn from the
 * earlier 80 % of the orders, recommend k dishes for each later order from its group and hour, and
 * keep the settings with the most hits. The later orders are checked in eight slices, each against
 * everything before it, as a running kiosk keeps learning: a dish that appears late is otherwise
 * never seen in time to reward the settings that pick it up fast. Every candidate reads the same
 * daily counts (daily-counts.ts), so trying all of them costs a ranking per slice and a pass over
 * the later orders each.
 * The grid holds both simple baselines (popularity in the group, plain and decayed). The fallback is
 * the defaults unless the better baseline on the later orders clearly beats them, then that baseline;
 * the best candidate replaces the fallback only where it clearly beats it: by more than 1.5 standard
 * errors of the paired difference, order by order (the best of some 80 is partly luck). With under
 * 200 later orders the better baseline is kept: nothing can be told from luck there, and the target
 * is never to lose to the baselines.
 */
import type { HistoryOrder } from './order-history';
import { splitInTime } from './order-history';
import { Recommender, type RecommenderOptions } from './recommender';
import { BASELINE_SETTINGS, candidateSettings, DEFAULT_SETTINGS, sameSettings, type RecommenderSettings } from './recommender-settings';
import { StoreClock } from './store-clock';

export type CandidateScore = { settings: RecommenderSettings; hitRate: number };

export type Tuning = {
  chosen: RecommenderSettings;
  /** Every candidate's hit rate on the validation orders, best first (empty when there were too few orders to validate). */
  candidates: CandidateScore[];
  trainOrders: number;
  validationOrders: number;
};

export type TuningOptions = Partial<Omit<RecommenderOptions, 'settings'>>;

const TRAIN_SHARE = 0.8;
/** Fewer later orders than this cannot tell a cleverer candidate from luck: keep the better baseline. */
export const MIN_VALIDATION_ORDERS = 200;
/** The later orders are checked in this many slices, each against everything before it. */
export const VALIDATION_SLICES = 8;
/** How many standard errors of the paired difference make a win clear: the best of some 80 is partly luck. */
const EVIDENCE = 1.5;

export function tuneSettings(orders: readonly HistoryOrder[], options: TuningOptions = {}, k = 3): Tuning {
  const { earlier, later } = splitInTime(orders, TRAIN_SHARE);
  if (later.length === 0 || earlier.length === 0) return { chosen: DEFAULT_SETTINGS, candidates: [], trainOrders: earlier.length, validationOrders: later.length };
  const recommender = Recommender.fromOrders(earlier, options);
  const clock = new StoreClock(recommender.options.timeZone);
  const spanDays = clock.dayNumberOf(earlier.at(-1)!.createdAt) - clock.dayNumberOf(earlier[0]!.createdAt) + 1;
  const candidates = candidateSettings(spanDays);
  const hits = candidates.map(() => new Uint8Array(later.length));
  for (let slice = 0; slice < VALIDATION_SLICES; slice += 1) {
    const from = Math.floor((slice * later.length) / VALIDATION_SLICES);
    const to = Math.floor(((slice + 1) * later.length) / VALIDATION_SLICES);
    const questions = later.slice(from, to).map((order) => ({ group: order.group, hour: clock.hourOf(order.createdAt), ordered: new Set(order.items.map((item) => item.itemId)) }));
    candidates.forEach((settings, candidate) => {
      recommender.useSettings(settings);
      questions.forEach(({ group, hour, ordered }, index) => {
        hits[candidate]![from + index] = recommender.recommend(group, hour, k).some((recommendation) => ordered.has(recommendation.itemId)) ? 1 : 0;
      });
    });
    for (const order of later.slice(from, to)) recommender.addOrder(order);
  }

  const scored = candidates.map((settings, candidate) => ({ settings, hits: hits[candidate]!, hitRate: mean(hits[candidate]!) }));
  const best = scored.reduce((winner, candidate) => (candidate.hitRate > winner.hitRate ? candidate : winner));
  const reference = BASELINE_SETTINGS.map((baseline) => scored.find((candidate) => sameSettings(candidate.settings, baseline))!).reduce((winner, candidate) =>
    candidate.hitRate > winner.hitRate ? candidate : winner,
  );
  const defaults = scored.find((candidate) => sameSettings(candidate.settings, DEFAULT_SETTINGS))!;
  const enoughOrders = later.length >= MIN_VALIDATION_ORDERS;
  const fallback = enoughOrders && !clearlyBetter(reference, defaults) ? defaults : reference;
  const trusted = enoughOrders && clearlyBetter(best, fallback);
  return {
    chosen: (trusted ? best : fallback).settings,
    candidates: scored.map(({ settings, hitRate }) => ({ settings, hitRate })).sort((a, b) => b.hitRate - a.hitRate),
    trainOrders: earlier.length,
    validationOrders: later.length,
  };
}

/** A recommender on all of `orders`, with the settings they choose. */
export function tunedRecommender(orders: readonly HistoryOrder[], options: TuningOptions = {}, k = 3): { recommender: Recommender; tuning: Tuning } {
  const tuning = tuneSettings(orders, options, k);
  return { recommender: Recommender.fromOrders(orders, { ...options, settings: tuning.chosen }), tuning };
}

/** More hits than `other` by over EVIDENCE standard errors of the paired difference. */
function clearlyBetter(candidate: { hits: Uint8Array; hitRate: number }, other: { hits: Uint8Array; hitRate: number }): boolean {
  return candidate.hitRate - other.hitRate > EVIDENCE * pairedStandardError(candidate.hits, other.hits);
}

function mean(values: Uint8Array): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** The standard error of the mean of a − b, order by order. */
function pairedStandardError(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  let sumOfSquares = 0;
  for (let index = 0; index < a.length; index += 1) {
    const difference = a[index]! - b[index]!;
    sum += difference;
    sumOfSquares += difference * difference;
  }
  const n = a.length;
  const variance = (sumOfSquares - (sum * sum) / n) / Math.max(1, n - 1);
  return Math.sqrt(variance / n);
}
