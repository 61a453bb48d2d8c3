/**
 * UTKFace: the labels are in the file names, `{age}_{gender}_{race}_{datetime}.jpg` (or `.jpg.chip.jpg`
 * for the aligned crops), gender 0 male and 1 female. A few of UTKFace's own names lack the race: they
 * are read too, as race is not used.
 */
import fs from 'node:fs/promises';
import { DatasetError, fileInside, isImageName, type DatasetEntry } from './dataset-entry';

const UTKFACE_NAME = /^(\d{1,3})_([01])_(?:\d+_)?\d+\.(?:jpe?g|png)(?:\.chip\.jpg)?$/i;

export function parseUtkfaceName(name: string): { age: number; gender: 'male' | 'female' } | null {
  const match = UTKFACE_NAME.exec(name);
  if (!match) return null;
  const age = Number(match[1]);
  return age > 120 ? null : { age, gender: match[2] === '0' ? 'male' : 'female' };
}

/** Every image directly in the folder; other files (a README, .DS_Store) are not samples and are passed over. */
export async function readUtkfaceDataset(root: string): Promise<DatasetEntry[]> {
  const names = (await fs.readdir(root)).filter((name) => isImageName(name) && !name.startsWith('.')).sort();
  const entries: DatasetEntry[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const label = parseUtkfaceName(name);
    const image = await fileInside(root, name);
    if (!label) problems.push(`${name}: not a UTKFace name ({age}_{gender 0|1}_{race}_{datetime}.jpg).`);
    else if ('problem' in image) problems.push(`${name}: ${image.problem}`);
    else entries.push({ file: name, path: image.path, label, box: null });
  }
  if (problems.length > 0) throw new DatasetError('The dataset is refused, nothing was stored:', problems);
  if (entries.length === 0) throw new DatasetError('The folder holds no images named the UTKFace way ({age}_{gender}_{race}_{datetime}.jpg).');
  return entries;
}
