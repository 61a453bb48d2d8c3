/**
 * A small hyperparameter search by stratified k-fold cross-validation: every point of a grid
 * (L2 × class balance) is fitted on k−1 folds and scored on the one left out, the best mean score
 * wins. The winner's out-of-fold logits come back too, so the final network (fitted on all the data)
 * can be calibrated on predictions it was not trained on.
 */
import type * as TfCore from '@tensorflow/tfjs-core';
import { seededShuffle } from '../shared/seeded-random';
import { argmax, DenseNetwork } from './dense-network';
import { fitDenseNetwork, type DenseFitOptions, type LabelledSet } from './train-dense';

export type GridPoint = { l2: number; classBalance: number };
export type Grid = { l2: number[]; classBalance: number[] };

export type GridScore = GridPoint & { score: number; foldScores: number[] };

export type CrossValidation = {
  folds: number;
  scores: GridScore[];
  best: GridScore;
  /** The best point's logits for every sample, each from the fold that did not train on it. */
  outOfFoldLogits: Float32Array[];
};

/** Fold index per sample: each class dealt round-robin over the folds after a seeded shuffle, so every fold holds its share of the rare classes. */
export function stratifiedFolds(labels: readonly number[], folds: number, seed: number): number[] {
  const assignment = new Array<number>(labels.length).fill(0);
  for (const label of new Set(labels)) {
    const members = labels.flatMap((value, index) => (value === label ? [index] : []));
    seededShuffle(members, seed + label).forEach((index, position) => (assignment[index] = position % folds));
  }
  return assignment;
}

export function crossValidate(
  tf: typeof TfCore,
  data: LabelledSet,
  grid: Grid,
  options: Omit<DenseFitOptions, 'classBalance' | 'onEpoch'> & { folds: number },
  /** Higher is better: e.g. macro F1 of the predicted classes against the true ones. */
  score: (predicted: number[], truth: number[]) => number,
): CrossValidation {
  const foldOf = stratifiedFolds(data.labels, options.folds, options.seed);
  const pick = (keep: (fold: number) => boolean): { set: LabelledSet; indices: number[] } => {
    const indices = foldOf.flatMap((fold, index) => (keep(fold) ? [index] : []));
    return { set: { inputs: indices.map((index) => data.inputs[index]!), labels: indices.map((index) => data.labels[index]!) }, indices };
  };
  const scores: GridScore[] = [];
  let bestLogits: Float32Array[] = [];
  for (const l2 of grid.l2) {
    for (const classBalance of grid.classBalance) {
      const logits = new Array<Float32Array>(data.labels.length);
      const foldScores: number[] = [];
      for (let fold = 0; fold < options.folds; fold += 1) {
        const train = pick((other) => other !== fold);
        const held = pick((other) => other === fold);
        if (train.indices.length === 0 || held.indices.length === 0) throw new Error(`Too few samples for ${options.folds}-fold cross-validation (${data.labels.length}).`);
        const network = new DenseNetwork(fitDenseNetwork(tf, train.set, { ...options, classBalance }, l2));
        const heldLogits = held.set.inputs.map((input) => network.logits(input));
        held.indices.forEach((index, position) => (logits[index] = heldLogits[position]!));
        foldScores.push(score(heldLogits.map((row) => argmax(row)), held.set.labels));
      }
      const entry = { l2, classBalance, score: foldScores.reduce((sum, value) => sum + value, 0) / foldScores.length, foldScores };
      // Ties keep the earlier point: list the grid from the simplest choice.
      if (scores.every((other) => entry.score > other.score)) bestLogits = logits;
      scores.push(entry);
    }
  }
  const best = scores.reduce((winner, entry) => (entry.score > winner.score ? entry : winner));
  return { folds: options.folds, scores, best, outOfFoldLogits: bestLogits };
}

