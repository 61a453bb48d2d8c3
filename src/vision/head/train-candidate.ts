/**
 * Trains a group-head candidate for the registry: labelled faces in, the frozen set kept out of
 * training by file name, a model judged on the frozen set, with its curve and lineage.
 */
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { EpochProgress } from '../../ml/train-dense';
import type { AnalysedFace, DatasetFace } from '../dataset/face-dataset';
import { analyseDataset, loadDataset, stratifiedSplit } from '../dataset/face-dataset';
import { decide } from '../face-classifier';
import type { FaceFeatureExtractor } from '../features/face-features';
import { FEATURE_VERSION, type FeatureCache } from '../features/feature-cache';
import { loadTf } from '../runtime/tf-runtime';
import { readFrozenFiles, type FrozenSetRef } from './frozen-set';
import { GroupHead, type GroupHeadModel } from './group-head';
import { headInputOf } from './head-input';
import { metricsOf, type GroupMetrics } from './metrics';
import { DEFAULT_TRAIN_OPTIONS, trainGroupHead } from './train-head';

export type CandidateOptions = { dataDirs: string[]; limit?: number; seniorAge: number; minAge: number; seed: number; epochs: number };

export type TrainedCandidate = {
  model: GroupHeadModel;
  metrics: GroupMetrics;
  params: Record<string, unknown>;
  curve: EpochProgress[];
  samples: string[];
};

/** Sortable and unique enough across processes: `20261201T102233-a1b2`. */
export function newVersionId(now = new Date()): string {
  return `${now.toISOString().replace(/[-:]/g, '').slice(0, 15)}-${randomBytes(2).toString('hex')}`;
}

/** Judges a head on analysed frozen faces; a face the detector misses counts as wrong. */
export function evaluateOn(head: GroupHead, frozen: readonly AnalysedFace[]): GroupMetrics {
  return metricsOf(frozen.map((face) => ({ truth: face.group, decision: decide(head, face.features).group })));
}

export async function trainCandidate(
  options: CandidateOptions,
  frozen: { faces: readonly AnalysedFace[]; ref: FrozenSetRef },
  extractor: FaceFeatureExtractor,
  cache: FeatureCache,
  onProgress: (label: string, done: number, total: number) => void,
): Promise<TrainedCandidate> {
  const frozenNames = new Set(await readFrozenFiles());
  const labelled: DatasetFace[] = [];
  for (const dir of options.dataDirs) labelled.push(...(await loadDataset(dir)).filter((face) => face.age >= options.minAge && !frozenNames.has(face.file)));
  const chosen = options.limit && options.limit < labelled.length ? stratifiedSplit(labelled, options.limit / labelled.length, options.seed, options.seniorAge).holdout : labelled;
  const analysed = await analyseDataset(chosen, extractor, { seniorAge: options.seniorAge, cache, onProgress: (done) => onProgress('analysing training faces', done, chosen.length) });
  const withFace = analysed.filter((face) => face.features);
  // Regularisation and calibration are chosen on a split of the training data: the frozen set only judges.
  const { train, holdout } = stratifiedSplit(withFace, 0.2, options.seed, options.seniorAge);
  if (train.length === 0 || holdout.length === 0) throw new Error(`Too few labelled faces to train on (${withFace.length} with a detected face).`);
  const toSample = (face: AnalysedFace) => ({ input: headInputOf(face.features!), group: face.group });
  const curve: EpochProgress[] = [];
  const trainOptions = { ...DEFAULT_TRAIN_OPTIONS, epochs: options.epochs, seed: options.seed, onEpoch: (progress: EpochProgress) => curve.push(progress) };
  const head = await trainGroupHead(await loadTf(), train.map(toSample), holdout.map(toSample), trainOptions, {
    version: newVersionId(),
    featureVersion: FEATURE_VERSION,
    seniorAge: options.seniorAge,
    card: { data: options.dataDirs.map((dir) => path.resolve(dir)), faces: chosen.length, noFace: analysed.length - withFace.length, train: train.length, validation: holdout.length, seed: options.seed },
  });
  const metrics = evaluateOn(head, frozen.faces);
  const model: GroupHeadModel = { ...head.model, card: { ...head.model.card, frozenSet: frozen.ref, validation: metrics } };
  const l2 = model.card.l2 as number;
  const { onEpoch: _onEpoch, ...params } = trainOptions;
  return {
    model,
    metrics,
    params: { ...params, l2, seniorAge: options.seniorAge, minAge: options.minAge, trainFaces: train.length, validationFaces: holdout.length },
    // Only the chosen regularisation's curve: the others were discarded.
    curve: curve.filter((point) => point.l2 === l2),
    samples: withFace.map((face) => face.file),
  };
}
