/**
 * A YOLOv5 dataset: `data.yaml` naming the classes (`names: ['Senior,M','Senior,W','Normal,M','Normal,W']`,
 * any order, as a list or a YOLOv8-style map), `images/`, and `labels/{image name}.txt` with one line
 * `class cx cy w h` (shares of the image) for the face. Age is unknown, the group is the class.
 * Only DIR/images and DIR/labels are read: data.yaml's own paths (`path`, `train`) are ignored, so
 * they cannot point outside the folder.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import type { FaceGroup } from '../../domain/customer-group';
import { DatasetError, fileInside, isImageName, type DatasetEntry } from './dataset-entry';

export const DATA_YAML = 'data.yaml';

/** The first version's class names, in FACE_GROUPS order: export writes a group's FACE_GROUPS index as its class. */
export const YOLO_NAMES = ['Senior,M', 'Senior,W', 'Normal,M', 'Normal,W'] as const;

function groupOfName(name: unknown): FaceGroup | null {
  const match = typeof name === 'string' ? /^\s*(senior|normal)\s*,\s*([mw])\s*$/i.exec(name) : null;
  if (!match) return null;
  return `${match[1]!.toLowerCase() === 'senior' ? 'senior' : 'general'}_${match[2]!.toLowerCase() === 'm' ? 'male' : 'female'}`;
}

/** A name that is not one, shown without serialising it (YAML aliases can make it a cycle). */
function describeName(name: unknown): string {
  if (typeof name === 'string') return JSON.stringify(name);
  return name === null ? 'null' : Array.isArray(name) ? 'a list' : typeof name === 'object' ? 'a map' : String(name);
}

/** data.yaml's class index → group. */
export function readYoloClasses(text: string): FaceGroup[] {
  let names: unknown;
  try {
    // Errors are thrown and reported below; warnings (e.g. an unknown tag) change nothing here.
    names = (parse(text, { logLevel: 'error' }) as { names?: unknown } | null)?.names;
  } catch (error) {
    throw new DatasetError(`${DATA_YAML} is not valid YAML: ${(error as Error).message}`);
  }
  const list = Array.isArray(names)
    ? names
    : names && typeof names === 'object'
      ? Object.entries(names).sort(([a], [b]) => Number(a) - Number(b)).map(([, name]) => name as unknown)
      : null;
  if (!list || list.length === 0) throw new DatasetError(`${DATA_YAML} has no class names (names: [${YOLO_NAMES.map((name) => `'${name}'`).join(', ')}]).`);
  const groups = list.map(groupOfName);
  const unknown = list.filter((_, index) => groups[index] === null);
  if (unknown.length > 0) throw new DatasetError(`${DATA_YAML}: class names must be Senior/Normal × M/W, like 'Senior,W'; not ${unknown.map(describeName).join(', ')}.`);
  return groups as FaceGroup[];
}

/** One label file's face: exactly one line `class cx cy w h`, numbers in range; else the problems, by line. */
export function parseYoloLabel(text: string, classes: readonly FaceGroup[], source: string): { group: FaceGroup; box: DatasetEntry['box'] } | { problems: string[] } {
  const lines = text.split(/\r?\n/).map((line, index) => ({ line: line.trim(), number: index + 1 })).filter(({ line }) => line);
  if (lines.length !== 1) return { problems: [`${source}: one face per image is expected, found ${lines.length} lines.`] };
  const { line, number } = lines[0]!;
  const cells = line.split(/\s+/);
  const values = cells.map(Number);
  const [index, cx, cy, w, h] = values as [number, number, number, number, number];
  const where = `${source} line ${number}`;
  if (cells.length !== 5 || values.some((value) => !Number.isFinite(value))) return { problems: [`${where}: expected "class cx cy w h", found "${line}".`] };
  if (!Number.isInteger(index) || !classes[index]) return { problems: [`${where}: class ${cells[0]} is not one of data.yaml's ${classes.length} names.`] };
  if ([cx, cy, w, h].some((value) => value < 0 || value > 1) || w === 0 || h === 0) return { problems: [`${where}: the box must be shares of the image from 0 to 1, not "${line}".`] };
  return { group: classes[index]!, box: { cx, cy, w, h } };
}

export async function readYoloDataset(root: string): Promise<{ entries: DatasetEntry[]; unlabelled: number }> {
  const yaml = await fileInside(root, DATA_YAML);
  if ('problem' in yaml) throw new DatasetError(`${DATA_YAML}: ${yaml.problem}`);
  const classes = readYoloClasses(await fs.readFile(yaml.path, 'utf8'));
  const images = (await fs.readdir(path.join(root, 'images')).catch(() => [])).filter((name) => isImageName(name)).sort();
  const labelNames = new Set((await fs.readdir(path.join(root, 'labels')).catch(() => [])).filter((name) => name.endsWith('.txt')));
  const entries: DatasetEntry[] = [];
  const problems: string[] = [];
  let unlabelled = 0;
  for (const name of images) {
    const labelName = `${path.parse(name).name}.txt`;
    // In YOLO an image without a label file has nothing to find: no face, no sample.
    if (!labelNames.delete(labelName)) {
      unlabelled += 1;
      continue;
    }
    const image = await fileInside(root, `images/${name}`);
    const label = await fileInside(root, `labels/${labelName}`);
    if ('problem' in image) problems.push(image.problem);
    if ('problem' in label) problems.push(label.problem);
    if ('problem' in image || 'problem' in label) continue;
    const parsed = parseYoloLabel(await fs.readFile(label.path, 'utf8'), classes, `labels/${labelName}`);
    if ('problems' in parsed) problems.push(...parsed.problems);
    else entries.push({ file: name, path: image.path, label: { group: parsed.group }, box: parsed.box });
  }
  for (const orphan of labelNames) problems.push(`labels/${orphan}: no image of that name in images/.`);
  if (problems.length > 0) throw new DatasetError('The dataset is refused, nothing was stored:', problems);
  if (entries.length === 0) throw new DatasetError('The dataset has no labelled images (images/ with labels/*.txt).');
  return { entries, unlabelled };
}

export function yamlOfClasses(): string {
  return [
    '# Written by `kiosk data export --format yolo`: one face per image.',
    'path: .',
    'train: images',
    'val: images',
    `nc: ${YOLO_NAMES.length}`,
    `names: [${YOLO_NAMES.map((name) => `'${name}'`).join(', ')}]`,
    '',
  ].join('\n');
}
