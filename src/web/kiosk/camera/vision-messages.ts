/**
 * Messages between the kiosk page and its face worker. Frames go in as ImageBitmaps and are never
 * kept; of the latest face the worker holds only what the store collects, until the next frame.
 */
import type { StoreSettings } from '../../../contracts/http';
import type { FaceGroup } from '../../../domain/customer-group';

export type Collection = StoreSettings['collection'];

export type VisionWorkerRequest =
  | { type: 'init'; headUrl: string }
  | { type: 'frame'; frame: ImageBitmap }
  /** Swap the group head for another version while running; on failure the current one stays. */
  | { type: 'load-head'; url: string }
  /** What to hold of each face for the decision log: nothing, its numbers, or a crop as well. */
  | { type: 'collect'; collection: Collection }
  /** The face of the latest reading, for the decision it completed. */
  | { type: 'sample' };

/** `featuresToBase64` and a base64 JPEG of the face box, each null when not collected or no face. */
export type FaceSample = { features: string | null; crop: string | null };

export type VisionWorkerResponse =
  | { type: 'ready'; modelVersion: string }
  | { type: 'failed'; message: string }
  | { type: 'head-loaded'; modelVersion: string }
  | { type: 'head-failed'; message: string }
  | ({ type: 'sample' } & FaceSample)
  | { type: 'reading'; face: { widthShare: number; probabilities: Record<FaceGroup, number> } | null; ms: number };
