/** The hyperparameter search on small synthetic feature vectors: folds keep every class, and the grid's best point wins. */
import { describe, expect, it } from 'vitest';
import { FACE_GROUPS } from '../domain/customer-group';
import { seededRandom } from '../shared/seeded-random';
import { metricsOf } from '../vision/head/metrics';
import { loadTf } from '../vision/runtime/tf-runtime';
import { crossValidate, stratifiedFolds } from './cross-validate';
import type { LabelledSet } from './train-dense';

/** Four separable clusters in 8 dimensions, the first two rare (as seniors are). */
function clusters(perClass: number[], seed: number): LabelledSet {
  const random = seededRandom(seed);
  const inputs: Float32Array[] = [];
  const labels: number[] = [];
  perClass.forEach((count, label) => {
    for (let n = 0; n < count; n += 1) {
      inputs.push(Float32Array.from({ length: 8 }, (_, dim) => (dim % 4 === label ? 2 : 0) + random() - 0.5));
      labels.push(label);
    }
  });
  return { inputs, labels };
}

const macroF1 = (predicted: number[], truth: number[]) => metricsOf(truth.map((label, index) => ({ truth: FACE_GROUPS[label]!, decision: FACE_GROUPS[predicted[index]!]! }))).macroF1;

describe('stratifiedFolds', () => {
  it('deals every class over all folds, evenly and the same every time', () => {
    const labels = [...Array(7).fill(0), ...Array(30).fill(1)] as number[];
    const folds = stratifiedFolds(labels, 3, 5);
    expect(stratifiedFolds(labels, 3, 5)).toEqual(folds);
    for (const label of [0, 1]) {
      const sizes = [0, 1, 2].map((fold) => folds.filter((value, index) => value === fold && labels[index] === label).length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      expect(Math.min(...sizes)).toBeGreaterThan(0);
    }
  });
});

describe('crossValidate', () => {
  it('scores every grid point on held-out folds and picks the best by the score', { timeout: 60_000 }, async () => {
    const tf = await loadTf();
    const data = clusters([8, 8, 30, 30], 1);
    const grid = { l2: [1e-3, 1e3], classBalance: [0, 1] };
    const result = crossValidate(tf, data, grid, { classCount: 4, hidden: 0, epochs: 80, learningRate: 0.05, batchSize: 0, seed: 3, folds: 3 }, macroF1);
    expect(result.scores.map(({ l2, classBalance }) => [l2, classBalance])).toEqual([[1e-3, 0], [1e-3, 1], [1e3, 0], [1e3, 1]]);
    expect(result.scores.every((entry) => entry.foldScores.length === 3)).toBe(true);
    // A weight decay of 1000 flattens the network to its biases: it cannot tell the clusters apart.
    expect(result.best.l2).toBe(1e-3);
    expect(result.best.score).toBe(Math.max(...result.scores.map((entry) => entry.score)));
    expect(result.best.score).toBeGreaterThan(0.9);
    expect(Math.max(...result.scores.filter((entry) => entry.l2 === 1e3).map((entry) => entry.score))).toBeLessThan(0.6);
    // Out-of-fold logits for every sample, from the winner: they mostly name the right cluster.
    expect(result.outOfFoldLogits).toHaveLength(data.labels.length);
    const right = result.outOfFoldLogits.filter((row, index) => row.indexOf(Math.max(...row)) === data.labels[index]).length;
    expect(right / data.labels.length).toBeGreaterThan(0.9);
  });

  it('refuses data too small to fold', async () => {
    const tf = await loadTf();
    expect(() => crossValidate(tf, clusters([1, 1, 0, 0], 2), { l2: [1e-3], classBalance: [0] }, { classCount: 4, hidden: 0, epochs: 5, learningRate: 0.05, batchSize: 0, seed: 3, folds: 3 }, macroF1)).toThrow(/Too few samples/);
  });
});
