/**
 * Extracted face features on disk, keyed by the SHA-1 of the image bytes, so a dataset is analysed
 * once however often the head is retrained. Holds numbers only: never an image.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { decodeFeatures, encodeFeatures } from './feature-codec';
import type { FaceFeatures } from './face-analyzer';

/** Bumped when the extraction changes, so stale features are never mixed with new ones. */
export const FEATURE_VERSION = 'v2-blazeface-faceres';

export class FeatureCache {
  private readonly dir: string;

  constructor(root: string) {
    this.dir = path.join(root, FEATURE_VERSION);
  }

  static hashOf(bytes: Buffer): string {
    return createHash('sha1').update(bytes).digest('hex');
  }

  /** The cached result for an image: features, "no face", or undefined when never analysed. */
  async get(hash: string): Promise<FaceFeatures | null | undefined> {
    const bytes = await fs.readFile(this.fileOf(hash)).catch(() => undefined);
    if (!bytes) return undefined;
    if (bytes.length === 0) return null;
    return decodeFeatures(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4).slice());
  }

  async put(hash: string, features: FaceFeatures | null): Promise<void> {
    const file = this.fileOf(hash);
    await fs.mkdir(path.dirname(file), { recursive: true });
    const data = features ? Buffer.from(encodeFeatures(features).buffer) : Buffer.alloc(0);
    const partial = `${file}.${process.pid}.partial`;
    await fs.writeFile(partial, data);
    await fs.rename(partial, file);
  }

  private fileOf(hash: string): string {
    return path.join(this.dir, hash.slice(0, 2), `${hash}.f32`);
  }
}
