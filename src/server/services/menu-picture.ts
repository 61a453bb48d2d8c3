/**
 * A dish's new picture from the console: the type is read from the bytes (not the name or the
 * header), size and pixel count are bounded before decoding, and what is kept is a re-encoded
 * WebP of at most 640 px, so no camera metadata (place, time) and nothing but pixels survives.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { AppError } from '../errors';

export const PICTURE_MAX_BYTES = 5 * 1024 * 1024;
export const PICTURE_MAX_PIXELS = 25_000_000;
const MAX_SIDE = 8000;
const KEPT_SIDE = 640;
const ACCEPTED_FORMATS = ['jpeg', 'png', 'webp'];

export type PreparedPicture = { data: Buffer; key: string };

export async function preparePicture(itemId: string, upload: Buffer): Promise<PreparedPicture> {
  // The header alone first (nothing is decoded), so an oversized picture is refused for what it is.
  const metadata = await sharp(upload, { limitInputPixels: false }).metadata().catch(() => null);
  if (!metadata?.format || !ACCEPTED_FORMATS.includes(metadata.format)) {
    throw new AppError(400, 'invalid_picture', 'A picture must be a JPEG, PNG or WebP image.');
  }
  if (!metadata.width || !metadata.height || metadata.width > MAX_SIDE || metadata.height > MAX_SIDE) {
    throw new AppError(400, 'invalid_picture', `A picture may be at most ${MAX_SIDE}×${MAX_SIDE} pixels.`);
  }
  // A few kilobytes of PNG can claim millions of pixels (a decompression bomb): refuse it by its
  // header, before decoding; limitInputPixels below stops the decoder too, should a header lie.
  if (metadata.width * metadata.height > PICTURE_MAX_PIXELS) {
    throw new AppError(400, 'invalid_picture', `A picture may have at most ${PICTURE_MAX_PIXELS / 1_000_000} million pixels, not ${Math.round((metadata.width * metadata.height) / 100_000) / 10} million.`);
  }
  const data = await sharp(upload, { limitInputPixels: PICTURE_MAX_PIXELS, failOn: 'error' })
    .rotate()
    .resize(KEPT_SIDE, KEPT_SIDE, { fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 82 })
    .toBuffer()
    .catch(() => {
      throw new AppError(400, 'invalid_picture', 'The picture could not be read; it may be damaged.');
    });
  const hash = createHash('sha256').update(data).digest('hex').slice(0, 12);
  return { data, key: `menu/${itemId.toLowerCase()}-${hash}.webp` };
}
