/** The face box of a camera device's frame as a small JPEG, for stores that collect images (as wide as the kiosk's own crops). */
import sharp from 'sharp';
import { FACE_CROP_WIDTH } from '../../contracts/http';
import type { FaceBox } from '../../vision/features/face-analyzer';

export async function cropFace(jpeg: Buffer, box: FaceBox): Promise<Buffer> {
  const image = sharp(jpeg);
  const { width = 0, height = 0 } = await image.metadata();
  // The detector's box may reach past the frame's edge; the crop keeps to the frame.
  const left = Math.max(0, Math.floor(box.x));
  const top = Math.max(0, Math.floor(box.y));
  const right = Math.min(width, Math.ceil(box.x + box.width));
  const bottom = Math.min(height, Math.ceil(box.y + box.height));
  return image
    .extract({ left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) })
    .resize({ width: FACE_CROP_WIDTH, withoutEnlargement: true })
    .jpeg({ quality: 85 })
    .toBuffer();
}
