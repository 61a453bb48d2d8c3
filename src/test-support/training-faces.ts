/** Small labelled folders of real aaf-train faces for training tests: none from the frozen set, none under 15. */
import fs from 'node:fs';
import path from 'node:path';
import { AAF_DIR } from './datasets';

export type GroupCounts = Record<'senior-male' | 'senior-female' | 'general-male' | 'general-female', number>;

/** `labels.csv` rows, so many of each group, spread over the file list (it runs by age). */
export function trainingRows(wanted: GroupCounts): string[] {
  const frozen = new Set(fs.readFileSync(path.resolve(import.meta.dirname, '../../models/group-head/holdout.txt'), 'utf8').split('\n'));
  const rows = fs.readFileSync(path.join(AAF_DIR, 'labels.csv'), 'utf8').trim().split('\n').slice(1);
  const usable = rows.filter((row) => !frozen.has(row.split(',')[0]!) && Number(row.split(',')[1]) >= 15);
  const groupOf = (row: string) => `${Number(row.split(',')[1]) >= 60 ? 'senior' : 'general'}-${row.split(',')[2]}`;
  return Object.entries(wanted).flatMap(([group, count]) => {
    const members = usable.filter((row) => groupOf(row) === group);
    return Array.from({ length: count }, (_, index) => members[Math.floor((index * members.length) / count)]!);
  });
}

/** A labelled folder (labels.csv + images/) of those rows, as `kiosk model train --data` reads it. */
export function labelledFolder(dir: string, rows: string[]): string {
  fs.mkdirSync(path.join(dir, 'images'), { recursive: true });
  for (const row of rows) fs.copyFileSync(path.join(AAF_DIR, 'images', row.split(',')[0]!), path.join(dir, 'images', row.split(',')[0]!));
  fs.writeFileSync(path.join(dir, 'labels.csv'), `file,age,gender\n${rows.join('\n')}\n`);
  return dir;
}
