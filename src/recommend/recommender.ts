/**
 * The recommender as a cache: counts learned from past orders, per store day, updated in O(items)
 * per new order, and rankings for every (group, part of the day) rebuilt lazily on the first
 * question after a change, so answering is a walk down a ready list (well under a microsecond).
 * How the days are weighed and how far groups lean on everyone is its `settings`, which the
 * tuner (tune-recommender.ts) chooses per store. Pure TypeScript: the server and the kiosk page can
 * both hold one.
 */
import type { CustomerGroup } from '../domain/order-rules';
import { CoOccurrence } from './co-occurrence';
import { DailyCounts } from './daily-counts';
import type { WeightedCounts } from './dirichlet-prior';
import { DAYPARTS, daypartOf } from './dayparts';
import type { HistoryOrder } from './order-history';
import { DEFAULT_SETTINGS, type RecommenderSettings } from './recommender-settings';
import { isExcluded, NO_EXCLUSIONS, type Exclusions, type Recommendation } from './recommendation';
import { segmentOf, segmentsOf, type Segment } from './segments';
import { rankContexts, type Rankings } from './shrunk-rankings';
import { StoreClock } from './store-clock';

export type RecommenderOptions = {
  /** The store's time zone: orders are placed in parts of the day by its clocks. */
  timeZone: string;
  /** How days are weighed, parts of the day kept apart and groups shrunk (tune-recommender.ts chooses them per store). */
  settings: RecommenderSettings;
  /** Learn and answer by age alone (senior / general), for operators who turn gender off. */
  ageOnly: boolean;
  /** Orders two dishes must share before one is suggested with the other. */
  pairMinSupport: number;
};

export const DEFAULT_RECOMMENDER_OPTIONS: RecommenderOptions = { timeZone: 'Asia/Seoul', settings: DEFAULT_SETTINGS, ageOnly: false, pairMinSupport: 10 };

export class Recommender {
  private chosen: RecommenderOptions;
  private readonly clock: StoreClock;
  private readonly segments: readonly Segment[];
  private readonly itemIds: string[] = [];
  private readonly itemIndexes = new Map<string, number>();
  private readonly counts: DailyCounts;
  private readonly coOccurrence: CoOccurrence;
  private rankings: Rankings | null = null;
  /** The weighted counts under the current settings' weighting of days, kept while only the prior's scale changes (the tuner tries five per weighting). */
  private weighted: { weighting: string; cells: WeightedCounts[] } | null = null;

  constructor(options: Partial<RecommenderOptions> = {}) {
    this.chosen = { ...DEFAULT_RECOMMENDER_OPTIONS, ...options };
    this.clock = new StoreClock(this.options.timeZone);
    this.segments = segmentsOf(this.options.ageOnly);
    // One more segment row for customers of no known group: they count toward what sells overall.
    this.counts = new DailyCounts(this.segments.length + 1);
    this.coOccurrence = new CoOccurrence(this.options.pairMinSupport);
  }

  get options(): Readonly<RecommenderOptions> {
    return this.chosen;
  }

  static fromOrders(orders: Iterable<HistoryOrder>, options: Partial<RecommenderOptions> = {}): Recommender {
    const recommender = new Recommender(options);
    for (const order of orders) recommender.addOrder(order);
    return recommender;
  }

  /** Learns one order. Each dish counts once per order, whatever its quantity: the question is what people pick. */
  addOrder(order: HistoryOrder): void {
    const itemIds = [...new Set(order.items.map((item) => item.itemId))];
    if (itemIds.length === 0) return;
    const daypartIndex = DAYPARTS.indexOf(daypartOf(this.clock.hourOf(order.createdAt)));
    this.counts.add(this.rowOf(order.group), daypartIndex, this.clock.dayNumberOf(order.createdAt), itemIds.map((itemId) => this.indexOf(itemId)));
    this.coOccurrence.add(itemIds);
    this.rankings = null;
    this.weighted = null;
  }

  /** Up to k dishes for a customer of `group` at the store's local `hour`, best first, each with its reason. */
  recommend(group: CustomerGroup, hour: number, k = 3, exclude: Exclusions = NO_EXCLUSIONS): Recommendation[] {
    const slot = this.options.settings.dayparts ? DAYPARTS.indexOf(daypartOf(hour)) : 0;
    const ranking = this.current().rows[this.rowOf(group)]![slot]!;
    const chosen: Recommendation[] = [];
    for (const recommendation of ranking) {
      if (chosen.length >= k) break;
      if (!isExcluded(exclude, recommendation.itemId)) chosen.push(recommendation);
    }
    return chosen;
  }

  /** Up to k dishes often ordered with what is in the cart (not already in it), best lift first. */
  pairs(cart: readonly string[], k = 3, exclude: Exclusions = NO_EXCLUSIONS): Recommendation[] {
    return this.coOccurrence.companions(cart, k, exclude);
  }

  /** Answers from now on with other settings (the counts stay; the rankings are rebuilt on the next question). */
  useSettings(settings: RecommenderSettings): void {
    this.chosen = { ...this.chosen, settings };
    this.rankings = null;
  }

  /** Every dish the recommender has seen ordered (the caller excludes those no longer on sale). */
  knownItems(): readonly string[] {
    return this.itemIds;
  }

  /** The current prior strengths (see shrunk-rankings.ts). */
  concentration(): Rankings['concentration'] {
    return this.current().concentration;
  }

  private current(): Rankings {
    const { settings } = this.options;
    if (this.rankings) return this.rankings;
    const weighting = `${settings.halfLifeDays}/${settings.historyDays}/${settings.dayparts}`;
    if (this.weighted?.weighting !== weighting) this.weighted = { weighting, cells: this.counts.snapshot(this.itemIds.length, settings) };
    return (this.rankings = rankContexts(
      this.weighted.cells,
      this.segments,
      this.itemIds,
      settings.dayparts ? DAYPARTS.length : 1,
      settings.priorScale,
    ));
  }

  /** The counts row of a customer group: its segment's, or the last one for customers of no known group. */
  private rowOf(group: CustomerGroup): number {
    const segment = segmentOf(group, this.options.ageOnly);
    return segment === null ? this.segments.length : this.segments.indexOf(segment);
  }

  private indexOf(itemId: string): number {
    let index = this.itemIndexes.get(itemId);
    if (index === undefined) {
      index = this.itemIds.length;
      this.itemIds.push(itemId);
      this.itemIndexes.set(itemId, index);
    }
    return index;
  }
}
