/**
 * Item picks per context (customer row × part of the day), kept per store day, so any weighting of
 * the days can be read off later: a half-life (2^(−age/half-life), age in days before the latest
 * day), a window of the last N days, or none. One set of counts thus serves every setting the tuner
 * tries, and a live cache that learns one order at a time. Reading costs days × contexts × items
 * additions (a half year of a 40-dish menu: about 180 thousand, well under a millisecond).
 */
import { DAYPARTS } from './dayparts';
import type { WeightedCounts } from './dirichlet-prior';
import type { RecommenderSettings } from './recommender-settings';

type Day = { counts: Float64Array; picks: Float64Array };

export type DayWeighting = Pick<RecommenderSettings, 'halfLifeDays' | 'historyDays' | 'dayparts'>;

export class DailyCounts {
  private readonly days = new Map<number, Day>();
  private readonly contexts: number;
  private capacity = 16;
  private latestDay = Number.NEGATIVE_INFINITY;

  constructor(private readonly rows: number) {
    this.contexts = rows * DAYPARTS.length;
  }

  /** One order's distinct items (by index) for customer row `row` in part of the day `daypart`, on store day `day`. */
  add(row: number, daypart: number, day: number, items: readonly number[]): void {
    const widest = Math.max(...items);
    if (widest >= this.capacity) this.grow(widest + 1);
    let counts = this.days.get(day);
    if (!counts) {
      counts = { counts: new Float64Array(this.contexts * this.capacity), picks: new Float64Array(this.contexts) };
      this.days.set(day, counts);
    }
    const context = row * DAYPARTS.length + daypart;
    for (const item of items) counts.counts[context * this.capacity + item]! += 1;
    counts.picks[context]! += items.length;
    this.latestDay = Math.max(this.latestDay, day);
  }

  /**
   * Weighted counts as of the latest day, over `items` item indexes: rows × parts of the day, or
   * rows × 1 when parts of the day are off (context row · slots + slot).
   */
  snapshot(items: number, weighting: DayWeighting): WeightedCounts[] {
    const slots = weighting.dayparts ? DAYPARTS.length : 1;
    const cells = Array.from({ length: this.rows * slots }, (): WeightedCounts => ({ counts: new Float64Array(items), total: 0, sumOfSquaredWeights: 0 }));
    for (const [day, counts] of this.days) {
      const age = this.latestDay - day;
      if (weighting.historyDays !== null && age >= weighting.historyDays) continue;
      const weight = weighting.halfLifeDays === null ? 1 : 2 ** (-age / weighting.halfLifeDays);
      for (let context = 0; context < this.contexts; context += 1) {
        const picks = counts.picks[context]!;
        if (picks === 0) continue;
        const row = Math.floor(context / DAYPARTS.length);
        const cell = cells[row * slots + (weighting.dayparts ? context % DAYPARTS.length : 0)]!;
        const offset = context * this.capacity;
        for (let item = 0; item < items; item += 1) cell.counts[item]! += weight * counts.counts[offset + item]!;
        cell.total += weight * picks;
        cell.sumOfSquaredWeights += weight * weight * picks;
      }
    }
    return cells;
  }

  /** A new dish past the room kept per context: every day's counts move to rows twice as wide. */
  private grow(items: number): void {
    let capacity = this.capacity;
    while (capacity < items) capacity *= 2;
    for (const counts of this.days.values()) {
      const wider = new Float64Array(this.contexts * capacity);
      for (let context = 0; context < this.contexts; context += 1) wider.set(counts.counts.subarray(context * this.capacity, (context + 1) * this.capacity), context * capacity);
      counts.counts = wider;
    }
    this.capacity = capacity;
  }
}
