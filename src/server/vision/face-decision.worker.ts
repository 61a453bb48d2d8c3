/**
 * One thread of the server's face pool: the same pipeline as the kiosk's own worker (BlazeFace +
 * faceres through Human on tfjs wasm, then the registry's active head). The frame lives only in
 * this call's memory.
 */
import { decodeImage } from '../../vision/image/decode-image';
import { decide } from '../../vision/face-classifier';
import { GroupHead, type GroupHeadModel } from '../../vision/head/group-head';
import type { FaceBox } from '../../vision/features/face-analyzer';
import { featuresToBase64 } from '../../vision/features/feature-codec';
import { FaceFeatureExtractor } from '../../vision/features/face-features';

/** One frame, and the group head to decide with: the registry's active version, as JSON. */
export type FaceJob = { jpeg: Uint8Array; head: { version: string; json: string } };
/**
 * A decision with the face it was made on (`featuresToBase64`, null without a face) for the
 * decision log, or the frame was not a readable image (the caller's mistake, not the server's).
 */
export type FaceJobResult = { group: string; confidence: number; modelVersion: string; ms: number; features: string | null; box: FaceBox | null } | { unreadable: true };

// The face models load once per thread, on its first frame; a failed load is tried again on the next.
let extractor: Promise<FaceFeatureExtractor> | null = null;
function faceExtractor(): Promise<FaceFeatureExtractor> {
  extractor ??= (async () => {
    const loading = new FaceFeatureExtractor();
    await loading.load();
    return loading;
  })().catch((error: unknown) => {
    extractor = null;
    throw error;
  });
  return extractor;
}

// The head is parsed again only when the registry's active version changes.
let head: { version: string; model: GroupHead } | null = null;
function groupHead(job: FaceJob['head']): GroupHead {
  if (head?.version !== job.version) head = { version: job.version, model: new GroupHead(JSON.parse(job.json) as GroupHeadModel) };
  return head.model;
}

export default async function decideFace({ jpeg, head: activeHead }: FaceJob): Promise<FaceJobResult> {
  const [extractor, head] = [await faceExtractor(), groupHead(activeHead)];
  const started = performance.now();
  const image = await decodeImage(Buffer.from(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength)).catch(() => null);
  if (!image) return { unreadable: true };
  const features = await extractor.extract(image);
  const decision = decide(head, features);
  const ms = performance.now() - started;
  return { group: decision.group, confidence: decision.confidence, modelVersion: head.model.version, ms, features: features && featuresToBase64(features), box: features?.box ?? null };
}
