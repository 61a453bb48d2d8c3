/** One labelled image of a dataset on disk, as every format's reader lists it, and the checks that keep it inside its folder. */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { FaceGroup, Gender } from '../../domain/customer-group';

export const DATASET_FORMATS = ['csv', 'utkface', 'yolo'] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

/** A labelled face box, as YOLO writes it: centre and size as shares of the image's width and height. */
export type NormalisedBox = { cx: number; cy: number; w: number; h: number };

export type DatasetEntry = {
  /** The name the sample keeps (and the frozen set is checked against). */
  file: string;
  /** The image on disk, already checked to lie inside the dataset folder. */
  path: string;
  /** Known age and gender give the group by the store's senior age; YOLO gives the group itself. */
  label: { age: number; gender: Gender } | { group: FaceGroup };
  /** YOLO: the face to crop before the pipeline runs. */
  box: NormalisedBox | null;
};

/** A dataset refused whole, with every problem found (line numbers where the format has lines). */
export class DatasetError extends Error {
  constructor(
    summary: string,
    readonly problems: string[] = [],
  ) {
    const shown = problems.slice(0, 20);
    super([summary, ...shown.map((problem) => `  ${problem}`), ...(problems.length > shown.length ? [`  … and ${problems.length - shown.length} more`] : [])].join('\n'));
  }
}

/** The dataset folder itself, symlinks resolved: everything it lists must resolve to inside it. */
export async function datasetRoot(dir: string): Promise<string> {
  const root = await fs.realpath(dir).catch(() => {
    throw new DatasetError(`${dir} does not exist.`);
  });
  if (!(await fs.stat(root)).isDirectory()) throw new DatasetError(`${dir} is not a folder.`);
  return root;
}

/**
 * `relative` as a regular file inside `root`, or the problem with it: names that climb out (`..`),
 * absolute paths, and symlinks that resolve to somewhere outside are refused before anything is read.
 */
export async function fileInside(root: string, relative: string): Promise<{ path: string } | { problem: string }> {
  if (!relative || path.isAbsolute(relative) || relative.includes('\\') || relative.split('/').includes('..')) {
    return { problem: `"${relative}" is not a plain file name inside the dataset folder.` };
  }
  const real = await fs.realpath(path.join(root, relative)).catch(() => null);
  if (real === null) return { problem: `${relative} does not exist.` };
  if (!real.startsWith(`${root}${path.sep}`)) return { problem: `${relative} leads outside the dataset folder.` };
  if (!(await fs.stat(real)).isFile()) return { problem: `${relative} is not a file.` };
  return { path: real };
}

/** Images the pipeline can decode, by extension. */
export const IMAGE_EXTENSIONS = ['.jpg', '.jpeg', '.png', '.webp'] as const;

export function isImageName(name: string): boolean {
  return (IMAGE_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase());
}
