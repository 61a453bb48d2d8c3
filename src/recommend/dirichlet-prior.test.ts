import { describe, expect, it } from 'vitest';
import { estimateConcentration, shrinkToward, type WeightedCounts } from './dirichlet-prior';

/** A context of `picks` unit-weight picks with the given shares. */
function cell(shares: number[], picks: number): WeightedCounts {
  return { counts: Float64Array.from(shares, (share) => share * picks), total: picks, sumOfSquaredWeights: picks };
}

describe('estimateConcentration (method of moments)', () => {
  it('reads the spread between contexts: shares 0.6/0.4 and 0.4/0.6 around 0.5/0.5 mean ρ = 0.04, α = 24', () => {
    const prior = Float64Array.from([0.5, 0.5]);
    const alpha = estimateConcentration([cell([0.6, 0.4], 1e6), cell([0.4, 0.6], 1e6)], [prior, prior]);
    expect(alpha).toBeCloseTo(24, 1);
  });

  it('takes spread no larger than sampling noise as no difference at all (α = ∞)', () => {
    const prior = Float64Array.from([0.5, 0.5]);
    // With 100 picks a share strays about 0.05 by chance alone: 0.52 is noise.
    expect(estimateConcentration([cell([0.52, 0.48], 100), cell([0.48, 0.52], 100)], [prior, prior])).toBe(Number.POSITIVE_INFINITY);
  });

  it('counts decayed picks as fewer: the same shares from heavily weighted few picks are noise', () => {
    const prior = Float64Array.from([0.5, 0.5]);
    const few = (shares: number[]): WeightedCounts => ({ ...cell(shares, 100), sumOfSquaredWeights: 100 * 25 });
    expect(estimateConcentration([cell([0.6, 0.4], 100), cell([0.4, 0.6], 100)], [prior, prior])).toBeLessThan(100);
    expect(estimateConcentration([few([0.6, 0.4]), few([0.4, 0.6])], [prior, prior])).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('shrinkToward', () => {
  it('is (n + α·q) / (N + α), the prior itself for α = ∞', () => {
    const prior = Float64Array.from([0.25, 0.75]);
    expect([...shrinkToward(cell([1, 0], 4), prior, 4)]).toEqual([(4 + 1) / 8, 3 / 8]);
    expect([...shrinkToward(cell([1, 0], 4), prior, Number.POSITIVE_INFINITY)]).toEqual([0.25, 0.75]);
  });
});
