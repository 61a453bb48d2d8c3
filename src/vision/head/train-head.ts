/**
 * Trains the group head: the shared dense-network trainer on face features, the four groups as
 * classes, class-balanced, the regularisation picked by validation macro F1.
 */
import type * as TfCore from '@tensorflow/tfjs-core';
import { FACE_GROUPS, type FaceGroup } from '../../domain/customer-group';
import { argmax } from '../../ml/dense-network';
import { trainDenseClassifier, type EpochProgress, type LabelledSet } from '../../ml/train-dense';
import { GroupHead, type GroupHeadModel } from './group-head';
import { metricsOf } from './metrics';

export type TrainingSample = { input: Float32Array; group: FaceGroup };

export type TrainOptions = {
  hidden: number;
  /** How far to even out the groups: weight ∝ (1 / share of the group) ^ classBalance. */
  classBalance: number;
  l2Candidates: number[];
  epochs: number;
  learningRate: number;
  seed: number;
  log?: (line: string) => void;
  onEpoch?: (progress: EpochProgress) => void;
};

// Seniors are about a tenth of the data. Full balancing (1) over-calls seniors, none (0) misses
// them; the square root (0.5) gave the best macro F1 on the aaf-train validation split.
export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { hidden: 0, classBalance: 0.5, l2Candidates: [1e-3, 1e-2, 3e-2, 1e-1], epochs: 300, learningRate: 0.01, seed: 7 };

export async function trainGroupHead(
  tf: typeof TfCore,
  train: TrainingSample[],
  validation: TrainingSample[],
  options: TrainOptions,
  describe: Omit<GroupHeadModel, 'format' | 'classes' | 'mean' | 'std' | 'layers' | 'temperature'>,
): Promise<GroupHead> {
  const labelled = (samples: TrainingSample[]): LabelledSet => ({ inputs: samples.map((sample) => sample.input), labels: samples.map((sample) => FACE_GROUPS.indexOf(sample.group)) });
  // Regularisation is chosen by what we are judged on: macro F1 on the validation split.
  const macroF1 = (network: { probabilities(input: Float32Array): Float32Array }, set: LabelledSet) =>
    metricsOf(set.inputs.map((input, index) => ({ truth: FACE_GROUPS[set.labels[index]!]!, decision: FACE_GROUPS[argmax(network.probabilities(input))]! }))).macroF1;
  const trained = await trainDenseClassifier(tf, labelled(train), labelled(validation), { ...options, classCount: FACE_GROUPS.length, batchSize: 0 }, macroF1);
  return new GroupHead({
    format: 'neulbom-group-head@1',
    classes: [...FACE_GROUPS],
    ...trained.model,
    ...describe,
    card: { ...describe.card, l2: trained.l2, hidden: options.hidden, epochs: options.epochs },
  });
}
