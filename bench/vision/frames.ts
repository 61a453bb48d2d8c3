/**
 * Benchmark input: 640x480 camera-like frames with one face, made in memory from aaf-train photos
 * that training held out (letterboxed the way the kiosk's camera frames them).
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { FACE_GROUPS, groupOf, type FaceGroup } from '../../src/domain/customer-group';
import { loadDataset } from '../../src/vision/dataset/face-dataset';
import { DEFAULT_HEAD_FILE } from '../../src/vision/face-classifier';
import type { RgbImage } from '../../src/vision/image/decode-image';

export const AAF_DIR = path.resolve(import.meta.dirname, '../../../shared/datasets/aaf-train');

export type BenchFace = { file: string; truth: FaceGroup; frame: RgbImage };

export async function cameraFrame(photo: string): Promise<RgbImage> {
  const { data, info } = await sharp(photo)
    .resize({ width: 640, height: 480, fit: 'contain', background: '#808080' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
}

/** `perGroup` held-out faces from each group, evenly spaced through it (the list runs by age). */
export async function benchFaces(perGroup: number, seniorAge = 60): Promise<BenchFace[]> {
  const holdout = new Set(fs.readFileSync(path.join(path.dirname(DEFAULT_HEAD_FILE), 'holdout.txt'), 'utf8').split('\n').filter(Boolean));
  const faces = (await loadDataset(AAF_DIR)).filter((face) => holdout.has(face.file));
  const chosen = FACE_GROUPS.flatMap((group) => {
    const members = faces.filter((face) => groupOf(face.age, face.gender, seniorAge) === group);
    return Array.from({ length: perGroup }, (_, index) => ({ face: members[Math.floor((index * members.length) / perGroup)]!, truth: group }));
  });
  return Promise.all(chosen.map(async ({ face, truth }) => ({ file: face.file, truth, frame: await cameraFrame(face.path) })));
}
