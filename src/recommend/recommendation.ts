/** What the recommender answers: a dish, its score, and why, so the screen can say it in words (daypart null: the store's tastes do not differ by hour). */
import type { Daypart } from './dayparts';
import type { Segment } from './segments';

export type RecommendationReason =
  /** The group's own orders put it here: "60대 이상 여성 고객님들이 많이 찾는 메뉴". */
  | { readonly kind: 'group'; readonly segment: Segment; readonly daypart: Daypart | null; readonly share: number; readonly lift: number }
  /** What sells at this time of day overall: no group known, or the group's orders do not set it apart. */
  | { readonly kind: 'popular'; readonly daypart: Daypart | null; readonly share: number }
  /** Often ordered with a dish in the cart. */
  | { readonly kind: 'pair'; readonly with: string; readonly lift: number; readonly support: number };

export type Recommendation = { readonly itemId: string; readonly score: number; readonly reason: RecommendationReason };

/** Item ids not to recommend: sold out, already in the cart, not on today's menu. */
export type Exclusions = ReadonlySet<string> | readonly string[];

export const NO_EXCLUSIONS: Exclusions = [];

export function isExcluded(exclusions: Exclusions, itemId: string): boolean {
  return 'has' in exclusions ? exclusions.has(itemId) : exclusions.includes(itemId);
}
