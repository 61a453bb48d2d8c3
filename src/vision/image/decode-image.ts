import sharp from 'sharp';

/** An RGB image in memory: 3 bytes a pixel, row by row. Frames never touch the disk. */
export type RgbImage = { data: Uint8Array; width: number; height: number };

/** Decodes a JPEG/PNG/WebP file or buffer to RGB, turned upright by its EXIF orientation. */
export async function decodeImage(input: string | Buffer): Promise<RgbImage> {
  const { data, info } = await sharp(input).rotate().removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
}

/** Width and height as `decodeImage` will see them: after the EXIF orientation (5–8 turn the image a quarter). */
export async function uprightSizeOf(input: Buffer): Promise<{ width: number; height: number }> {
  const { width, height, orientation } = await sharp(input).metadata();
  if (!width || !height) throw new Error('The image has no size.');
  return (orientation ?? 1) >= 5 ? { width: height, height: width } : { width, height };
}
