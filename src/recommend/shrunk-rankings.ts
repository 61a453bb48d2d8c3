/**
 * From decayed counts to ranked dishes for every (group, part of the day), in three empirical-Bayes
 * steps (dirichlet-prior.ts), each with its own strength estimated from the data:
 *   1. each part of the day (all customers) shrunk toward the overall shares: "what sells now";
 *   2. each group (all day) shrunk toward the overall shares;
 *   3. each group × part of the day shrunk toward the product of its two margins, q ∝ p_group·p_part/p,
 *      so a group seldom seen at, say, breakfast gets its own taste and breakfast's, not the average.
 * A group whose orders do not differ from everyone's therefore ends up with what sells now.
 */
import { DAYPARTS, type Daypart } from './dayparts';
import { combine, estimateConcentration, ownWeight, shrinkToward, type WeightedCounts } from './dirichlet-prior';
import type { Recommendation } from './recommendation';
import type { Segment } from './segments';

export type Rankings = {
  /** Per daypart, for customers of no known group. */
  popular: Recommendation[][];
  /** Per segment, then per daypart. */
  group: Recommendation[][][];
  /** The estimated prior strengths (in picks; ∞ = no difference found), for tests and the curious. */
  concentration: { daypart: number; segment: number; segmentDaypart: number };
};

/** Context index of (segment, daypart); segment index `segments.length` holds customers of no known group. */
export function contextOf(segmentIndex: number, daypartIndex: number): number {
  return segmentIndex * DAYPARTS.length + daypartIndex;
}

export function rankContexts(contexts: readonly WeightedCounts[], segments: readonly Segment[], itemIds: readonly string[]): Rankings {
  const items = itemIds.length;
  const dayparts = DAYPARTS.map((_, daypart) => combine(Array.from({ length: segments.length + 1 }, (__, segment) => contexts[contextOf(segment, daypart)]!), items));
  const bySegment = segments.map((_, segment) => combine(DAYPARTS.map((__, daypart) => contexts[contextOf(segment, daypart)]!), items));
  const overall = combine(dayparts, items);
  const overallShares = overall.counts.map((count) => (overall.total > 0 ? count / overall.total : 0));

  const daypartStrength = estimateConcentration(dayparts, dayparts.map(() => overallShares));
  const daypartShares = dayparts.map((cell) => shrinkToward(cell, overallShares, daypartStrength));
  const segmentStrength = estimateConcentration(bySegment, bySegment.map(() => overallShares));
  const segmentShares = bySegment.map((cell) => shrinkToward(cell, overallShares, segmentStrength));

  const cells = segments.flatMap((_, segment) => DAYPARTS.map((__, daypart) => contexts[contextOf(segment, daypart)]!));
  const cellPriors = segments.flatMap((_, segment) => DAYPARTS.map((__, daypart) => productPrior(segmentShares[segment]!, daypartShares[daypart]!, overallShares)));
  const cellStrength = estimateConcentration(cells, cellPriors);

  const popular = DAYPARTS.map((daypart, index) =>
    ranked(itemIds, overallShares, daypartShares[index]!, (share) => ({ kind: 'popular', daypart, share })),
  );
  const group = segments.map((segment, segmentIndex) => {
    // The group's own orders speak for a dish only if they outweigh the prior and pick it at least as often as everyone.
    const speaksForItself = ownWeight(bySegment[segmentIndex]!, segmentStrength) >= 0.5;
    return DAYPARTS.map((daypart, daypartIndex) => {
      const cell = contextOf(segmentIndex, daypartIndex);
      const shares = shrinkToward(cells[cell]!, cellPriors[cell]!, cellStrength);
      const everyone = daypartShares[daypartIndex]!;
      return ranked(itemIds, overallShares, shares, (share, item) => {
        const lift = everyone[item]! > 0 ? share / everyone[item]! : 1;
        return speaksForItself && lift >= 1 ? { kind: 'group', segment, daypart, share, lift } : { kind: 'popular', daypart, share: everyone[item]! };
      });
    });
  });
  return { popular, group, concentration: { daypart: daypartStrength, segment: segmentStrength, segmentDaypart: cellStrength } };
}

/** q ∝ p_group · p_part / p: the group's taste and the hour's, as if they did not interact. */
function productPrior(segment: Float64Array, daypart: Float64Array, overall: Float64Array): Float64Array {
  const prior = new Float64Array(overall.length);
  let sum = 0;
  for (let item = 0; item < overall.length; item += 1) {
    prior[item] = overall[item]! > 0 ? (segment[item]! * daypart[item]!) / overall[item]! : 0;
    sum += prior[item]!;
  }
  if (sum > 0) for (let item = 0; item < prior.length; item += 1) prior[item]! /= sum;
  return prior;
}

/** Dishes ever ordered, best first (ties by id, so rankings are the same on every run). */
function ranked(itemIds: readonly string[], overall: Float64Array, shares: Float64Array, reason: (share: number, item: number) => Recommendation['reason']): Recommendation[] {
  const candidates: number[] = [];
  for (let item = 0; item < itemIds.length; item += 1) if (overall[item]! > 0) candidates.push(item);
  candidates.sort((a, b) => shares[b]! - shares[a]! || (itemIds[a]! < itemIds[b]! ? -1 : 1));
  return candidates.map((item) => ({ itemId: itemIds[item]!, score: shares[item]!, reason: reason(shares[item]!, item) }));
}
