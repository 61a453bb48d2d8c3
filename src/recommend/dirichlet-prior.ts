/**
 * Empirical-Bayes shrinkage of item shares toward a prior, with the prior's strength read from the
 * data. Each context (a group, a part of the day, or both) has true item shares θ ~ Dirichlet(α·q)
 * around its prior q; its observed shares are θ plus sampling noise. α is estimated by the method
 * of moments: across contexts, the chi-square distance between observed shares and q averages
 *   ρ + (1 − ρ)/Nₑ   per degree of freedom, with ρ = 1/(α + 1)
 * (Nₑ the effective number of picks under time decay), so the excess over pure noise measures how
 * much contexts really differ. No excess → α = ∞: every context collapses to the prior. Chosen over
 * maximising a held-out likelihood because it is closed-form, so the cache can re-estimate it on every
 * refresh in microseconds. The prior is estimated from the same orders, which shrinks the excess a
 * little: the estimate errs toward more shrinkage, the side of the popularity baseline.
 */

/** Item picks in one context, each weighted by its order's decay weight. */
export type WeightedCounts = {
  /** Per item index. */
  counts: Float64Array;
  total: number;
  /** Σ weight² over picks: with `total`, the effective number of picks (Σw)²/Σw². */
  sumOfSquaredWeights: number;
};

/** The Dirichlet strength α (in picks) that best explains how far `cells` stray from their `priors`. */
export function estimateConcentration(cells: readonly WeightedCounts[], priors: readonly Float64Array[]): number {
  let excess = 0;
  let possible = 0;
  cells.forEach((cell, index) => {
    const prior = priors[index]!;
    const effectivePicks = cell.sumOfSquaredWeights > 0 ? (cell.total * cell.total) / cell.sumOfSquaredWeights : 0;
    // A context with fewer than two effective picks says nothing about spread beyond noise.
    if (effectivePicks < 2) return;
    let chiSquare = 0;
    let items = 0;
    for (let item = 0; item < prior.length; item += 1) {
      const expected = prior[item]!;
      if (expected <= 0) continue;
      const difference = cell.counts[item]! / cell.total - expected;
      chiSquare += (difference * difference) / expected;
      items += 1;
    }
    if (items < 2) return;
    excess += cell.total * (chiSquare / (items - 1) - 1 / effectivePicks);
    possible += cell.total * (1 - 1 / effectivePicks);
  });
  if (possible <= 0 || excess <= 0) return Number.POSITIVE_INFINITY;
  const rho = excess / possible;
  return rho >= 1 ? 0 : 1 / rho - 1;
}

/** The posterior mean shares (n + α·q) / (N + α); α = ∞ gives the prior itself. */
export function shrinkToward(cell: WeightedCounts, prior: Float64Array, concentration: number): Float64Array {
  if (!Number.isFinite(concentration) || cell.total <= 0) return prior.slice();
  const shares = new Float64Array(prior.length);
  const denominator = cell.total + concentration;
  for (let item = 0; item < prior.length; item += 1) shares[item] = (cell.counts[item]! + concentration * prior[item]!) / denominator;
  return shares;
}

/** How much of a shrunk estimate comes from the context's own orders (0 = all prior, 1 = all own). */
export function ownWeight(cell: WeightedCounts, concentration: number): number {
  if (!Number.isFinite(concentration)) return 0;
  return cell.total / (cell.total + concentration);
}

/** Sums contexts into one (a group over the whole day, a part of the day over all groups). */
export function combine(cells: readonly WeightedCounts[], items: number): WeightedCounts {
  const combined: WeightedCounts = { counts: new Float64Array(items), total: 0, sumOfSquaredWeights: 0 };
  for (const cell of cells) {
    for (let item = 0; item < items; item += 1) combined.counts[item]! += cell.counts[item]!;
    combined.total += cell.total;
    combined.sumOfSquaredWeights += cell.sumOfSquaredWeights;
  }
  return combined;
}
