/** Any supported dataset folder → its entries: the format named, or guessed from what the folder holds. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { readCsvDataset, LABELS_CSV } from './csv-dataset';
import { datasetRoot, DatasetError, DATASET_FORMATS, type DatasetEntry, type DatasetFormat } from './dataset-entry';
import { readUtkfaceDataset } from './utkface-dataset';
import { DATA_YAML, readYoloDataset } from './yolo-dataset';

export type DatasetListing = { root: string; format: DatasetFormat; entries: DatasetEntry[]; unlabelled: number };

/** labels.csv → csv, data.yaml → yolo, otherwise UTKFace names. */
export async function guessFormat(root: string): Promise<DatasetFormat> {
  const has = async (name: string) => (await fs.lstat(path.join(root, name)).catch(() => null)) !== null;
  if (await has(LABELS_CSV)) return 'csv';
  if (await has(DATA_YAML)) return 'yolo';
  return 'utkface';
}

export async function readDataset(dir: string, format?: string): Promise<DatasetListing> {
  if (format !== undefined && !(DATASET_FORMATS as readonly string[]).includes(format)) throw new DatasetError(`--format must be one of ${DATASET_FORMATS.join(', ')}, not "${format}".`);
  const root = await datasetRoot(dir);
  const chosen = (format as DatasetFormat | undefined) ?? (await guessFormat(root));
  if (chosen === 'yolo') return { root, format: chosen, ...(await readYoloDataset(root)) };
  const entries = chosen === 'csv' ? await readCsvDataset(root) : await readUtkfaceDataset(root);
  return { root, format: chosen, entries, unlabelled: 0 };
}
