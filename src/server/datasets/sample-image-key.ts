/**
 * Where a training face's image is kept: in the file store's private folder, which `/media` never
 * serves. A sample's id is its image's hash, so a public key would let anyone holding a photo ask
 * whether that face is in the store's data.
 */
import type { FaceSampleRepository } from '../repositories/face-sample.repository';
import { PRIVATE_FOLDER, type FileStore } from '../storage/file-store';

const SAMPLES_FOLDER = `${PRIVATE_FOLDER}samples/`;
/** Where imports put them before issue 24, served to anyone. */
const PUBLIC_SAMPLES_FOLDER = 'samples/';

export function sampleImageKey(id: string, extension: string): string {
  return `${SAMPLES_FOLDER}${id}${extension === '.jpeg' ? '.jpg' : extension}`;
}

/** The private key for a sample image stored under the old public folder, or null for any other key. */
export function privateKeyOf(key: string): string | null {
  return key.startsWith(PUBLIC_SAMPLES_FOLDER) ? `${SAMPLES_FOLDER}${key.slice(PUBLIC_SAMPLES_FOLDER.length)}` : null;
}

/**
 * Moves sample images an earlier version stored publicly into the private folder (at start, so
 * it runs once per store and costs nothing after): copy, point the sample at it, then delete.
 */
export async function makeSampleImagesPrivate(samples: FaceSampleRepository, files: FileStore): Promise<number> {
  const exposed = await samples.imagesUnder(PUBLIC_SAMPLES_FOLDER);
  for (const { id, imageKey } of exposed) {
    const target = privateKeyOf(imageKey)!;
    const file = await files.get(imageKey);
    if (file) await files.put(target, file.data, file.contentType);
    await samples.setImageKey(id, target);
    if (file) await files.delete(imageKey);
  }
  return exposed.length;
}
