/**
 * Writes the stored face samples, with their images, as a dataset folder another tool (or a fresh
 * kiosk's `data import`) reads: `labels.csv` + `images/`, or YOLOv5 (`data.yaml`, `images/`,
 * `labels/*.txt`, the box the pipeline found normalised by the image's size). A page of samples at a
 * time, so the memory needed does not grow with the table.
 */
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { FACE_GROUPS, genderOf, type FaceGroup } from '../../domain/customer-group';
import { featuresFromBase64 } from '../../vision/features/feature-codec';
import { uprightSizeOf } from '../../vision/image/decode-image';
import type { FaceSampleRepository, FaceSampleRow } from '../repositories/face-sample.repository';
import type { FileStore } from '../storage/file-store';
import { LABELS_CSV } from './csv-dataset';
import { DatasetError } from './dataset-entry';
import { DATA_YAML, yamlOfClasses } from './yolo-dataset';

export const EXPORT_FORMATS = ['csv', 'yolo'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportSummary = {
  format: ExportFormat;
  written: number;
  /** Samples stored without an image (camera decisions when images are not collected). */
  noImage: number;
  /** csv only: samples without a known age (labels.csv needs one). */
  noAge: number;
};

const PAGE = 200;

export async function exportDataset(dir: string, format: string, deps: { samples: FaceSampleRepository; files: FileStore }): Promise<ExportSummary> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new DatasetError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${format}".`);
  // Never mixed into another dataset's files.
  const existing = await fs.readdir(dir).catch(() => []);
  if (existing.length > 0) throw new DatasetError(`${dir} is not empty: export into a new or empty folder.`);
  await fs.mkdir(path.join(dir, 'images'), { recursive: true });
  if (format === 'yolo') await fs.mkdir(path.join(dir, 'labels'));
  const summary: ExportSummary = { format: format as ExportFormat, written: 0, noImage: 0, noAge: 0 };
  const csv = format === 'csv' ? createWriteStream(path.join(dir, LABELS_CSV)) : null;
  csv?.write('file,age,gender\n');
  const usedStems = new Set<string>();
  try {
    for (let page = await deps.samples.page(null, PAGE); page.length > 0; page = await deps.samples.page(page.at(-1)!.id, PAGE)) {
      for (const sample of page) {
        if (csv && sample.age === null) {
          summary.noAge += 1;
          continue;
        }
        const image = sample.image_key ? await deps.files.get(sample.image_key) : null;
        if (!image) {
          summary.noImage += 1;
          continue;
        }
        const name = exportName(sample, usedStems);
        await fs.writeFile(path.join(dir, 'images', name), image.data);
        if (csv) csv.write(`${name},${sample.age},${sample.gender ?? genderOf(sample.group as FaceGroup)}\n`);
        else await fs.writeFile(path.join(dir, 'labels', `${path.parse(name).name}.txt`), `${await yoloLine(sample, image.data)}\n`);
        summary.written += 1;
      }
    }
  } finally {
    csv?.end();
    if (csv) await finished(csv);
  }
  if (format === 'yolo') await fs.writeFile(path.join(dir, DATA_YAML), yamlOfClasses());
  return summary;
}

/**
 * The sample's own file name when it is a plain one not yet used (by stem: YOLO pairs images and
 * labels by it); otherwise its id, which is unique. Commas would break labels.csv.
 */
function exportName(sample: FaceSampleRow, usedStems: Set<string>): string {
  const extension = path.extname(sample.image_key!);
  const own = sample.file ? path.basename(sample.file) : '';
  const plain = /^[^,\s/\\][^,/\\\n\r]*$/.test(own) && !own.startsWith('.') && path.extname(own).toLowerCase().replace('jpeg', 'jpg') === extension;
  const name = plain && !usedStems.has(path.parse(own).name.toLowerCase()) ? own : `${sample.id}${extension}`;
  usedStems.add(path.parse(name).name.toLowerCase());
  return name;
}

/** `class cx cy w h`: the class in FACE_GROUPS order (YOLO_NAMES), the detector's box as shares of the upright image. */
async function yoloLine(sample: FaceSampleRow, image: Buffer): Promise<string> {
  const { box } = featuresFromBase64(sample.features);
  const { width, height } = await uprightSizeOf(image);
  const share = (value: number, size: number) => Math.min(1, Math.max(0, value / size)).toFixed(6);
  const left = Math.max(0, box.x);
  const top = Math.max(0, box.y);
  const right = Math.min(width, box.x + box.width);
  const bottom = Math.min(height, box.y + box.height);
  return [FACE_GROUPS.indexOf(sample.group as FaceGroup), share((left + right) / 2, width), share((top + bottom) / 2, height), share(right - left, width), share(bottom - top, height)].join(' ');
}
