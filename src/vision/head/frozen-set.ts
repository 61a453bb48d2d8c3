/**
 * The frozen validation set every group-head version is judged on: the aaf-train faces the shipped
 * head held out (models/group-head/holdout.txt). It never changes and never goes into training, so
 * metrics of different versions compare like for like. Tests may judge on a stratified subset.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PROJECT_MODELS_DIR } from '../runtime/human-runtime';
import { loadDataset, stratifiedSplit, type DatasetFace } from '../dataset/face-dataset';

export const FROZEN_SET_FILE = path.join(PROJECT_MODELS_DIR, 'group-head', 'holdout.txt');
export const FROZEN_SET_NAME = 'aaf-train holdout.txt';
/** Where aaf-train lies beside the project (as for the tests); `--frozen-data` points elsewhere. */
export const DEFAULT_FROZEN_DATA_DIR = path.resolve(PROJECT_MODELS_DIR, '../../shared/datasets/aaf-train');

/** Which set a metric was measured on; the hash is over the sorted file names. */
export type FrozenSetRef = { name: string; hash: string; n: number };

export async function readFrozenFiles(file = FROZEN_SET_FILE): Promise<string[]> {
  return (await fs.readFile(file, 'utf8')).split('\n').map((line) => line.trim()).filter(Boolean);
}

export function frozenSetRef(name: string, files: readonly string[]): FrozenSetRef {
  const hash = createHash('sha256').update([...files].sort().join('\n')).digest('hex').slice(0, 16);
  return { name, hash, n: files.length };
}

/** The frozen faces from the dataset folder that holds them; `limit` takes the same share of each group. */
export async function loadFrozenSet(dataDir: string, options: { limit?: number; seed: number; seniorAge: number }): Promise<{ faces: DatasetFace[]; ref: FrozenSetRef }> {
  const names = new Set(await readFrozenFiles());
  const all = (await loadDataset(dataDir)).filter((face) => names.has(face.file));
  if (all.length !== names.size) throw new Error(`${dataDir} holds ${all.length} of the ${names.size} frozen validation faces: it is not aaf-train.`);
  const faces = options.limit && options.limit < all.length ? stratifiedSplit(all, options.limit / all.length, options.seed, options.seniorAge).holdout : all;
  const name = faces.length === all.length ? FROZEN_SET_NAME : `${FROZEN_SET_NAME} (subset of ${faces.length})`;
  return { faces, ref: frozenSetRef(name, faces.map((face) => face.file)) };
}
