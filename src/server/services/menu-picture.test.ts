/** A dish picture is judged by its bytes and bounded before it is decoded. */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { PICTURE_MAX_BYTES, PICTURE_MAX_PIXELS, preparePicture } from './menu-picture';

const refusal = (upload: Buffer) => preparePicture('cola', upload).then(() => null, (error: unknown) => error);

describe('preparePicture', () => {
  it('refuses a decompression bomb (26 million pixels in a few hundred kilobytes) by its header', async () => {
    const bomb = await sharp({ create: { width: 5100, height: 5100, channels: 3, background: '#000' } }).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(PICTURE_MAX_BYTES / 5);
    expect(5100 * 5100).toBeGreaterThan(PICTURE_MAX_PIXELS);
    const error = await refusal(bomb);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ statusCode: 400, code: 'invalid_picture', message: 'A picture may have at most 25 million pixels, not 26 million.' });
  });

  it('reads the type from the bytes: markup, text and truncated images are refused', async () => {
    const photo = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#c2410c' } }).jpeg().toBuffer();
    for (const upload of [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), Buffer.from('GIF89a not really'), photo.subarray(0, 200)]) {
      expect(await refusal(upload)).toMatchObject({ statusCode: 400, code: 'invalid_picture' });
    }
  });

  it('keeps a real photo as a small WebP', async () => {
    const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#1d4ed8' } }).jpeg().toBuffer();
    const prepared = await preparePicture('cola', photo);
    expect(await sharp(prepared.data).metadata()).toMatchObject({ format: 'webp', width: 640, height: 480 });
    expect(prepared.key).toMatch(/^menu\/cola-[0-9a-f]{12}\.webp$/);
  });
});
