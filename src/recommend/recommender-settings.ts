/**
 * The choices a store's own history decides (tune-recommender.ts): how fast old orders fade, whether
 * parts of the day have their own tastes, how far a group leans on everyone's taste, and how many
 * days count at all. The grid holds both simple baselines (each group's own counts, plain or decayed),
 * so choosing by validation can fall back to them where nothing cleverer pays.
 */
import { DECAYED_BASELINE_HALF_LIFE_DAYS } from './popularity-baselines';

export type RecommenderSettings = {
  /** An order weighs half as much this many days before the latest day; null: every day weighs the same. */
  halfLifeDays: number | null;
  /** Tastes kept apart by part of the day (lunch is not dinner), or the whole day as one. */
  dayparts: boolean;
  /** Multiplies the prior strengths estimated from the data: 0 = each group's own counts alone, ∞ = groups do not differ. */
  priorScale: number;
  /** Only orders of the last this many days count (the latest day included); null: all of them. */
  historyDays: number | null;
};

/** What a recommender uses until a history chooses otherwise (too few orders to validate, or nothing better found). */
export const DEFAULT_SETTINGS: RecommenderSettings = { halfLifeDays: null, dayparts: true, priorScale: 1, historyDays: null };

/**
 * The simple baselines as settings (popularity-baselines.ts): each group's own counts over the whole
 * day, plain and with the decayed baseline's half-life. The tuner keeps the better of them unless
 * something cleverer clearly wins; the plain one first, so a tie keeps it.
 */
export const BASELINE_SETTINGS: readonly RecommenderSettings[] = [
  { halfLifeDays: null, dayparts: false, priorScale: 0, historyDays: null },
  { halfLifeDays: DECAYED_BASELINE_HALF_LIFE_DAYS, dayparts: false, priorScale: 0, historyDays: null },
];

/** Ways to forget: a half-life or a window, not both (two knobs for one effect would double the candidates, and the luck). */
const FORGETTING: readonly Pick<RecommenderSettings, 'halfLifeDays' | 'historyDays'>[] = [
  { halfLifeDays: null, historyDays: null },
  ...[28, 14, 7, 3].map((halfLifeDays) => ({ halfLifeDays, historyDays: null })),
  ...[28, 14, 7].map((historyDays) => ({ halfLifeDays: null, historyDays })),
];
const PRIOR_SCALES = [0, 1 / 3, 1, 3, Number.POSITIVE_INFINITY];

/** Every setting tried on a history of `spanDays` days (windows as long as the history itself are left out: they are "all"). */
export function candidateSettings(spanDays: number): RecommenderSettings[] {
  const forgetting = FORGETTING.filter(({ historyDays }) => historyDays === null || historyDays < spanDays);
  return forgetting.flatMap((forget) => [true, false].flatMap((dayparts) => PRIOR_SCALES.map((priorScale) => ({ ...forget, dayparts, priorScale }))));
}

export function sameSettings(a: RecommenderSettings, b: RecommenderSettings): boolean {
  return a.halfLifeDays === b.halfLifeDays && a.dayparts === b.dayparts && a.priorScale === b.priorScale && a.historyDays === b.historyDays;
}

/** "half-life 14 d · day parts on · prior ×1 · last 28 days", for people. */
export function describeSettings(settings: RecommenderSettings): string {
  const prior = settings.priorScale === 0 ? 'own counts' : settings.priorScale === Number.POSITIVE_INFINITY ? 'no groups' : `prior ×${Number(settings.priorScale.toFixed(2))}`;
  return [
    settings.halfLifeDays === null ? 'no decay' : `half-life ${settings.halfLifeDays} d`,
    `day parts ${settings.dayparts ? 'on' : 'off'}`,
    prior,
    settings.historyDays === null ? 'all days' : `last ${settings.historyDays} days`,
  ].join(' · ');
}
