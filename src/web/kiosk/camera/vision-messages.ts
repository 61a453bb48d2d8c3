/** Messages between the kiosk page and its face worker. Frames go in as ImageBitmaps and are never kept. */
import type { FaceGroup } from '../../../domain/customer-group';

export type VisionWorkerRequest =
  | { type: 'init'; headUrl: string }
  | { type: 'frame'; frame: ImageBitmap }
  /** Swap the group head for another version while running; on failure the current one stays. */
  | { type: 'load-head'; url: string };

export type VisionWorkerResponse =
  | { type: 'ready'; modelVersion: string }
  | { type: 'failed'; message: string }
  | { type: 'head-loaded'; modelVersion: string }
  | { type: 'head-failed'; message: string }
  | { type: 'reading'; face: { widthShare: number; probabilities: Record<FaceGroup, number> } | null; ms: number };
