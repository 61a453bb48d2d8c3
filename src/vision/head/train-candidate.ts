/**
 * Trains a group-head candidate for the registry: labelled faces in (stored samples and/or a
 * labelled folder, the frozen set kept out by file name), L2 and class balance chosen by stratified
 * k-fold cross-validation on macro F1, the chosen one fitted on all of them and calibrated on its
 * out-of-fold predictions, then judged on the frozen set, with its curve and lineage.
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { FACE_GROUPS, type FaceGroup } from '../../domain/customer-group';
import { crossValidate, type CrossValidation, type Grid } from '../../ml/cross-validate';
import { fitDenseNetwork, temperatureFor, type EpochProgress } from '../../ml/train-dense';
import type { AnalysedFace } from '../dataset/face-dataset';
import { analyseDataset, loadDataset, stratifiedSplitBy } from '../dataset/face-dataset';
import { decide } from '../face-classifier';
import type { FaceFeatures } from '../features/face-analyzer';
import type { FaceFeatureExtractor } from '../features/face-features';
import { FEATURE_VERSION, type FeatureCache } from '../features/feature-cache';
import { loadTf } from '../runtime/tf-runtime';
import type { FrozenSetRef } from './frozen-set';
import { GroupHead, type GroupHeadModel } from './group-head';
import { headInputOf } from './head-input';
import { metricsOf, type GroupMetrics } from './metrics';
import { DEFAULT_TRAIN_OPTIONS } from './train-head';

/** One face to train on. `id`: a stored sample's id, or the file name of a folder's face; `source`: where it came from. */
export type TrainingFace = { id: string; source: string; group: FaceGroup; features: FaceFeatures };

/** The search: three decades of L2 against no, square-root and full class balancing (9 points × 3 folds, then the final fit). */
export const DEFAULT_GRID: Grid = { l2: [1e-3, 1e-2, 1e-1], classBalance: [0, 0.5, 1] };
export const DEFAULT_FOLDS = 3;

export type CandidateOptions = { seniorAge: number; minAge: number; seed: number; epochs: number; folds: number; grid: Grid; limit?: number };

export type TrainedCandidate = {
  model: GroupHeadModel;
  metrics: GroupMetrics;
  params: Record<string, unknown>;
  curve: EpochProgress[];
  /** Ids of the faces it was trained on, and the sources they came from. */
  samples: string[];
  sources: string[];
};

/** Sortable and unique enough across processes: `20261201T102233-a1b2`. */
export function newVersionId(now = new Date()): string {
  return `${now.toISOString().replace(/[-:]/g, '').slice(0, 15)}-${randomBytes(2).toString('hex')}`;
}

/** Judges a head on analysed frozen faces; a face the detector misses counts as wrong. */
export function evaluateOn(head: GroupHead, frozen: readonly AnalysedFace[]): GroupMetrics {
  return metricsOf(frozen.map((face) => ({ truth: face.group, decision: decide(head, face.features).group })));
}

/** A labelled folder's faces (labels.csv + images/) through the pipeline: too young and frozen faces left out, faces the detector misses dropped. */
export async function folderTrainingFaces(
  dir: string,
  options: { seniorAge: number; minAge: number; frozenFiles: ReadonlySet<string> },
  extractor: FaceFeatureExtractor,
  cache: FeatureCache,
  onProgress: (done: number, total: number) => void,
): Promise<TrainingFace[]> {
  const faces = (await loadDataset(dir)).filter((face) => face.age >= options.minAge && !options.frozenFiles.has(face.file));
  const analysed = await analyseDataset(faces, extractor, { seniorAge: options.seniorAge, cache, onProgress: (done) => onProgress(done, faces.length) });
  const source = path.resolve(dir);
  return analysed.flatMap((face) => (face.features ? [{ id: face.file, source, group: face.group, features: face.features }] : []));
}

export async function trainCandidate(faces: readonly TrainingFace[], frozen: { faces: readonly AnalysedFace[]; ref: FrozenSetRef }, options: CandidateOptions): Promise<TrainedCandidate> {
  const chosen = options.limit && options.limit < faces.length ? stratifiedSplitBy(faces, options.limit / faces.length, options.seed, (face) => face.group).holdout : [...faces];
  const data = { inputs: chosen.map((face) => headInputOf(face.features)), labels: chosen.map((face) => FACE_GROUPS.indexOf(face.group)) };
  const tf = await loadTf();
  const fit = { classCount: FACE_GROUPS.length, hidden: DEFAULT_TRAIN_OPTIONS.hidden, epochs: options.epochs, learningRate: DEFAULT_TRAIN_OPTIONS.learningRate, batchSize: 0, seed: options.seed };
  const macroF1 = (predicted: number[], truth: number[]) => metricsOf(truth.map((label, index) => ({ truth: FACE_GROUPS[label]!, decision: FACE_GROUPS[predicted[index]!]! }))).macroF1;
  const search = crossValidate(tf, data, options.grid, { ...fit, folds: options.folds }, macroF1);
  const { l2, classBalance } = search.best;
  const curve: EpochProgress[] = [];
  const network = fitDenseNetwork(tf, data, { ...fit, classBalance, onEpoch: (point) => curve.push(point) }, l2);
  // Calibrated on predictions the final network's settings made for faces they were not fitted on.
  const temperature = temperatureFor(search.outOfFoldLogits, data.labels);
  const sources = [...new Set(chosen.map((face) => face.source))];
  const head = new GroupHead({
    format: 'neulbom-group-head@1',
    classes: [...FACE_GROUPS],
    ...network,
    temperature,
    version: newVersionId(),
    featureVersion: FEATURE_VERSION,
    seniorAge: options.seniorAge,
    card: { data: sources, faces: chosen.length, folds: options.folds, crossValidation: cvSummary(search), l2, classBalance, hidden: fit.hidden, epochs: options.epochs, seed: options.seed },
  });
  const metrics = evaluateOn(head, frozen.faces);
  return {
    model: { ...head.model, card: { ...head.model.card, frozenSet: frozen.ref, validation: metrics } },
    metrics,
    params: {
      ...fit,
      l2,
      classBalance,
      temperature,
      grid: options.grid,
      folds: options.folds,
      crossValidation: cvSummary(search),
      seniorAge: options.seniorAge,
      minAge: options.minAge,
      trainFaces: chosen.length,
    },
    curve,
    samples: chosen.map((face) => face.id),
    sources,
  };
}

/** Each grid point's mean and per-fold macro F1, for the run's record and the model card. */
function cvSummary(search: CrossValidation) {
  return search.scores.map(({ l2, classBalance, score, foldScores }) => ({ l2, classBalance, macroF1: score, foldMacroF1: foldScores }));
}
