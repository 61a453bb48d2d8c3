/** The real datasets tests read (`../shared/datasets`, beside the project), and small labelled folders made from them. */
import fs from 'node:fs';
import path from 'node:path';

export const AAF_DIR = path.resolve(import.meta.dirname, '../../../shared/datasets/aaf-train');

/** The frozen validation set's file names (models/group-head/holdout.txt): never trained on. */
export const FROZEN_FILES = fs.readFileSync(path.resolve(import.meta.dirname, '../../models/group-head/holdout.txt'), 'utf8').split('\n').filter(Boolean);

export type AafRow = { file: string; age: number; gender: 'female' | 'male' };
type GroupCounts = { 'senior-male': number; 'senior-female': number; 'general-male': number; 'general-female': number };

/** aaf-train faces aged 15+ outside the frozen set, so many of each group, spread over the file list (it runs by age). */
export function aafRows(wanted: GroupCounts): AafRow[] {
  const frozen = new Set(FROZEN_FILES);
  const rows = fs.readFileSync(path.join(AAF_DIR, 'labels.csv'), 'utf8').trim().split('\n').slice(1).map((line) => {
    const [file, age, gender] = line.split(',');
    return { file: file!, age: Number(age), gender: gender as AafRow['gender'] };
  });
  const usable = rows.filter((row) => !frozen.has(row.file) && row.age >= 15);
  return Object.entries(wanted).flatMap(([group, count]) => {
    const members = usable.filter((row) => `${row.age >= 60 ? 'senior' : 'general'}-${row.gender}` === group);
    return Array.from({ length: count as number }, (_, index) => members[Math.floor((index * members.length) / (count as number))]!);
  });
}

/** The frozen set's own label rows for these files. */
export function aafRowsOf(files: readonly string[]): AafRow[] {
  const wanted = new Set(files);
  return fs.readFileSync(path.join(AAF_DIR, 'labels.csv'), 'utf8').trim().split('\n').slice(1).flatMap((line) => {
    const [file, age, gender] = line.split(',');
    return wanted.has(file!) ? [{ file: file!, age: Number(age), gender: gender as AafRow['gender'] }] : [];
  });
}

/** A `labels.csv` + `images/` folder of these aaf-train faces (labels as given, so a test may shuffle them). */
export function csvDatasetFolder(dir: string, rows: readonly AafRow[]): string {
  fs.mkdirSync(path.join(dir, 'images'), { recursive: true });
  for (const row of rows) fs.copyFileSync(path.join(AAF_DIR, 'images', row.file), path.join(dir, 'images', row.file));
  fs.writeFileSync(path.join(dir, 'labels.csv'), `file,age,gender\n${rows.map((row) => `${row.file},${row.age},${row.gender}`).join('\n')}\n`);
  return dir;
}
