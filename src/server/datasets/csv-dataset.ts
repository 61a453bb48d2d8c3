/** A folder with `labels.csv` (`file,age,gender`) and the images under `images/`: the product's own format. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { LabelsError, parseLabelsCsvLines } from '../../vision/dataset/labels-csv';
import { DatasetError, fileInside, type DatasetEntry } from './dataset-entry';

export const LABELS_CSV = 'labels.csv';

export async function readCsvDataset(root: string): Promise<DatasetEntry[]> {
  const labels = await fileInside(root, LABELS_CSV);
  if ('problem' in labels) throw new DatasetError(`${LABELS_CSV}: ${labels.problem}`);
  let faces;
  try {
    faces = parseLabelsCsvLines(await fs.readFile(labels.path, 'utf8'), LABELS_CSV);
  } catch (error) {
    if (error instanceof LabelsError) throw new DatasetError('The dataset is refused, nothing was stored:', error.message.split('\n'));
    throw error;
  }
  const entries: DatasetEntry[] = [];
  const problems: string[] = [];
  for (const { face, line } of faces) {
    const image = await fileInside(root, path.posix.join('images', face.file));
    if ('problem' in image) problems.push(`${LABELS_CSV} line ${line}: ${image.problem}`);
    else entries.push({ file: face.file, path: image.path, label: { age: face.age, gender: face.gender }, box: null });
  }
  if (problems.length > 0) throw new DatasetError('The dataset is refused, nothing was stored:', problems);
  return entries;
}
