/**
 * From decayed counts to ranked dishes for every (group, part of the day), in three empirical-Bayes
 * steps (dirichlet-prior.ts), each with its own strength estimated from the data:
 *   1. each part of the day (all customers) shrunk toward the overall shares: "what sells now";
 *   2. each group (all day), and customers of no known group, shrunk toward the overall shares;
 *   3. each group × part of the day shrunk toward the product of its two margins, q ∝ p_group·p_part/p,
 *      so a group seldom seen at, say, breakfast gets its own taste and breakfast's, not the average.
 * A group whose orders do not differ from everyone's therefore ends up with what sells now.
 */
import { DAYPARTS, type Daypart } from './dayparts';
import { combine, estimateConcentration, ownWeight, shrinkToward, type WeightedCounts } from './dirichlet-prior';
import type { Recommendation } from './recommendation';
import type { Segment } from './segments';

export type Rankings = {
  /** Per customer row (the segments, then customers of no known group), then per part of the day (one when parts of the day are off). */
  rows: Recommendation[][][];
  /** The estimated prior strengths (in picks; ∞ = no difference found), before `priorScale`, for tests and the curious. */
  concentration: { daypart: number; segment: number; segmentDaypart: number };
};

/**
 * `contexts` holds rows × slots cells (row · slots + slot), the last row for customers of no known
 * group; slots are the parts of the day, or one for the whole day. `priorScale` multiplies every
 * estimated strength (0: each context's own counts; ∞: no differences at all).
 */
export function rankContexts(contexts: readonly WeightedCounts[], segments: readonly Segment[], itemIds: readonly string[], slots: number, priorScale: number): Rankings {
  const items = itemIds.length;
  const rows = segments.length + 1;
  const cellOf = (row: number, slot: number) => contexts[row * slots + slot]!;
  const dayparts = Array.from({ length: slots }, (_, slot) => combine(Array.from({ length: rows }, (__, row) => cellOf(row, slot)), items));
  const byRow = Array.from({ length: rows }, (_, row) => combine(Array.from({ length: slots }, (__, slot) => cellOf(row, slot)), items));
  const overall = combine(dayparts, items);
  const overallShares = overall.counts.map((count) => (overall.total > 0 ? count / overall.total : 0));

  const daypartStrength = estimateConcentration(dayparts, dayparts.map(() => overallShares));
  const daypartShares = dayparts.map((cell) => shrinkToward(cell, overallShares, scaled(daypartStrength, priorScale)));
  const segmentStrength = estimateConcentration(byRow, byRow.map(() => overallShares));
  const rowShares = byRow.map((cell) => shrinkToward(cell, overallShares, scaled(segmentStrength, priorScale)));
  const cellPriors = contexts.map((_, context) => productPrior(rowShares[Math.floor(context / slots)]!, daypartShares[context % slots]!, overallShares));
  const cellStrength = estimateConcentration(contexts, cellPriors);

  const ranking = Array.from({ length: rows }, (_, row) => {
    // A group's own orders speak for a dish only if they outweigh the prior and pick it at least as often as everyone.
    const segment = segments[row];
    const speaksForItself = segment !== undefined && ownWeight(byRow[row]!, scaled(segmentStrength, priorScale)) >= 0.5;
    return Array.from({ length: slots }, (__, slot) => {
      const daypart: Daypart | null = slots === DAYPARTS.length ? DAYPARTS[slot]! : null;
      const shares = shrinkToward(cellOf(row, slot), cellPriors[row * slots + slot]!, scaled(cellStrength, priorScale));
      const everyone = daypartShares[slot]!;
      return ranked(itemIds, overallShares, shares, (share, item) => {
        const lift = everyone[item]! > 0 ? share / everyone[item]! : 1;
        if (segment === undefined) return { kind: 'popular', daypart, share };
        return speaksForItself && lift >= 1 ? { kind: 'group', segment, daypart, share, lift } : { kind: 'popular', daypart, share: everyone[item]! };
      });
    });
  });
  return { rows: ranking, concentration: { daypart: daypartStrength, segment: segmentStrength, segmentDaypart: cellStrength } };
}

/** An estimated strength times the tuned scale; 0 and ∞ win over anything they meet. */
function scaled(strength: number, scale: number): number {
  if (scale === 0) return 0;
  if (scale === Number.POSITIVE_INFINITY) return scale;
  return strength * scale;
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
