/** A labelled face dataset on disk (`labels.csv` + `images/`), its split, and its features. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { FACE_GROUPS, groupOf, type FaceGroup } from '../../domain/customer-group';
import { seededShuffle } from '../../shared/seeded-random';
import type { FaceFeatures } from '../features/face-analyzer';
import type { FaceFeatureExtractor } from '../features/face-features';
import { FeatureCache } from '../features/feature-cache';
import { decodeImage } from '../image/decode-image';
import { readLabelsCsv, type LabelledFace } from './labels-csv';

export type DatasetFace = LabelledFace & { path: string };

export async function loadDataset(dir: string): Promise<DatasetFace[]> {
  const labels = path.join(dir, 'labels.csv');
  await fs.access(labels).catch(() => {
    throw new Error(`${dir} has no labels.csv (expected file,age,gender and an images/ folder).`);
  });
  return (await readLabelsCsv(labels)).map((face) => ({ ...face, path: path.join(dir, 'images', face.file) }));
}

/** Holds out the same fraction of every group, so the rare senior groups are in both halves. */
export function stratifiedSplit<T extends LabelledFace>(faces: readonly T[], fraction: number, seed: number, seniorAge: number) {
  return stratifiedSplitBy(faces, fraction, seed, (face) => groupOf(face.age, face.gender, seniorAge));
}

/** The same for anything that knows its group (imported samples may have a group but no age). */
export function stratifiedSplitBy<T>(items: readonly T[], fraction: number, seed: number, groupOfItem: (item: T) => FaceGroup) {
  const train: T[] = [];
  const holdout: T[] = [];
  for (const group of FACE_GROUPS) {
    const members = seededShuffle(items.filter((item) => groupOfItem(item) === group), seed);
    const cut = Math.round(members.length * fraction);
    holdout.push(...members.slice(0, cut));
    train.push(...members.slice(cut));
  }
  return { train, holdout };
}

export type AnalysedFace = DatasetFace & { group: FaceGroup; features: FaceFeatures | null; ms: number | null };

/**
 * Runs the extractor over every face, one at a time (bounded memory), reusing cached features
 * when a cache is given. `ms` is the measured time of a fresh analysis, null when cached.
 */
export async function analyseDataset(
  faces: readonly DatasetFace[],
  extractor: FaceFeatureExtractor,
  options: { seniorAge: number; cache?: FeatureCache; onProgress?: (done: number) => void },
): Promise<AnalysedFace[]> {
  const analysed: AnalysedFace[] = [];
  for (const face of faces) {
    analysed.push({ ...face, group: groupOf(face.age, face.gender, options.seniorAge), ...(await analyseFace(face.path, extractor, options.cache)) });
    options.onProgress?.(analysed.length);
  }
  return analysed;
}

/** One image's features (null: no face), from the cache when it has them. */
export async function analyseFace(file: string, extractor: FaceFeatureExtractor, cache?: FeatureCache): Promise<{ features: FaceFeatures | null; ms: number | null }> {
  const bytes = await fs.readFile(file).catch(() => {
    throw new Error(`Cannot read ${file} (listed in labels.csv).`);
  });
  return analyseImage(bytes, extractor, cache);
}

/** The same for an image already in memory (an imported file, or a crop of one). */
export async function analyseImage(bytes: Buffer, extractor: FaceFeatureExtractor, cache?: FeatureCache): Promise<{ features: FaceFeatures | null; ms: number | null }> {
  const hash = cache ? FeatureCache.hashOf(bytes) : '';
  const cached = cache ? await cache.get(hash) : undefined;
  if (cached !== undefined) return { features: cached, ms: null };
  const started = performance.now();
  const features = await extractor.extract(await decodeImage(bytes));
  const ms = performance.now() - started;
  await cache?.put(hash, features);
  return { features, ms };
}
