/**
 * Imports a labelled dataset folder (or an archive of one, unpacked to a temporary folder first) into
 * `face_samples`: every image through the face pipeline (the feature cache makes a second run cheap),
 * one row per face with its features, the image copied into the file store so an export can write it
 * again. The whole folder is checked before anything is stored; then images go one at a time, rows in
 * small batches, so thousands of images need little memory.
 */
import { sampleImageKey } from './sample-image-key';
import fs from 'node:fs/promises';
import path from 'node:path';
import { genderOf, groupOf } from '../../domain/customer-group';
import { analyseImage } from '../../vision/dataset/face-dataset';
import type { FaceFeatures } from '../../vision/features/face-analyzer';
import type { FaceFeatureExtractor } from '../../vision/features/face-features';
import { featuresToBase64 } from '../../vision/features/feature-codec';
import type { FeatureCache } from '../../vision/features/feature-cache';
import { cropBox } from '../../vision/image/crop-box';
import type { FaceSampleRepository, FaceSampleRow } from '../repositories/face-sample.repository';
import type { FileStore } from '../storage/file-store';
import { withUnpackedArchive, type ArchiveOptions } from './dataset-archive';
import { DatasetError, type DatasetEntry, type DatasetFormat } from './dataset-entry';
import { readDataset } from './read-dataset';
import { sampleIdOf } from './sample-id';

export type ImportOptions = {
  format?: string;
  /** The dataset's name on its samples; the folder's (or archive's) name when not given. */
  name?: string;
  /** Limits and temporary folder for an archive; production defaults when not given. */
  archive?: ArchiveOptions;
  seniorAge: number;
  /** File names never to import: the frozen validation set. */
  frozenFiles: ReadonlySet<string>;
  now?: () => Date;
  onProgress?: (done: number, total: number) => void;
};

export type ImportSummary = {
  dataset: string;
  format: DatasetFormat;
  /** Labelled images in the folder. */
  images: number;
  added: number;
  /** Already stored (the same image, from this or another import). */
  alreadyStored: number;
  /** In the frozen validation set: never trained on, so never imported. */
  frozen: number;
  /** No face found by the detector. */
  noFace: number;
  /** YOLO images without a label file. */
  unlabelled: number;
};

export type ImportDeps = { samples: FaceSampleRepository; files: FileStore; extractor: FaceFeatureExtractor; cache: FeatureCache };

const BATCH = 50;
const CONTENT_TYPES: Record<string, string> = { '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.png': 'image/png', '.webp': 'image/webp' };

/** `source` is a dataset folder, or a .zip, .tar, .tar.gz or .tgz file holding one. */
export async function importDataset(source: string, options: ImportOptions, deps: ImportDeps): Promise<ImportSummary> {
  const isFile = await fs.stat(source).then((stats) => stats.isFile(), () => false);
  if (!isFile) return importFolder(source, options, deps);
  return withUnpackedArchive(source, options.archive ?? {}, (unpacked) => importFolder(unpacked.root, { ...options, name: options.name ?? unpacked.name }, deps));
}

async function importFolder(dir: string, options: ImportOptions, deps: ImportDeps): Promise<ImportSummary> {
  const listing = await readDataset(dir, options.format);
  const dataset = (options.name ?? path.basename(listing.root)).trim();
  if (!dataset || dataset.length > 100) throw new DatasetError('The dataset name must be 1 to 100 characters.');
  const summary: ImportSummary = { dataset, format: listing.format, images: listing.entries.length, added: 0, alreadyStored: 0, frozen: 0, noFace: 0, unlabelled: listing.unlabelled };
  const now = options.now ?? (() => new Date());
  let pending: FaceSampleRow[] = [];
  const flush = async () => {
    summary.added += await deps.samples.insertNew(pending);
    pending = [];
  };
  for (const [index, entry] of listing.entries.entries()) {
    if (options.frozenFiles.has(path.basename(entry.file))) summary.frozen += 1;
    else {
      const image = await fs.readFile(entry.path);
      const id = sampleIdOf(image);
      // The same image twice in one folder, or stored by an earlier import.
      if (pending.some((row) => row.id === id) || (await deps.samples.has(id))) summary.alreadyStored += 1;
      else {
        const features = await faceIn(image, entry, deps);
        if (!features) summary.noFace += 1;
        else {
          const extension = path.extname(entry.file).toLowerCase();
          const imageKey = sampleImageKey(id, extension);
          await deps.files.put(imageKey, image, CONTENT_TYPES[extension] ?? 'application/octet-stream');
          pending.push(sampleRow(id, dataset, entry, features, imageKey, options.seniorAge, now()));
          if (pending.length >= BATCH) await flush();
        }
      }
    }
    options.onProgress?.(index + 1, listing.entries.length);
  }
  await flush();
  return summary;
}

/** The face's features; for a labelled box, found in a crop around it and placed back in the whole image's pixels. */
async function faceIn(image: Buffer, entry: DatasetEntry, deps: ImportDeps): Promise<FaceFeatures | null> {
  if (!entry.box) return (await analyseImage(image, deps.extractor, deps.cache)).features;
  const { crop, left, top } = await cropBox(image, entry.box);
  const features = (await analyseImage(crop, deps.extractor, deps.cache)).features;
  return features && { ...features, box: { ...features.box, x: features.box.x + left, y: features.box.y + top } };
}

function sampleRow(id: string, dataset: string, entry: DatasetEntry, features: FaceFeatures, imageKey: string, seniorAge: number, at: Date): FaceSampleRow {
  const { label } = entry;
  const aged = 'age' in label;
  return {
    id,
    source: 'import',
    decision_id: null,
    dataset,
    file: entry.file,
    group: aged ? groupOf(label.age, label.gender, seniorAge) : label.group,
    age: aged ? label.age : null,
    gender: aged ? label.gender : genderOf(label.group),
    label_source: 'import',
    features: featuresToBase64(features),
    image_key: imageKey,
    created_at: at.toISOString(),
  };
}
