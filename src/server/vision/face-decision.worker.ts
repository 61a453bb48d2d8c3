/**
 * One thread of the server's face pool: the same pipeline as the kiosk's own worker (BlazeFace +
 * faceres through Human on tfjs wasm, then our head). The frame lives only in this call's memory.
 */
import { decodeImage } from '../../vision/image/decode-image';
import { decide, loadGroupHead } from '../../vision/face-classifier';
import { FaceFeatureExtractor } from '../../vision/features/face-features';

export type FaceJob = { jpeg: Uint8Array };
/** A decision, or the frame was not a readable image (the caller's mistake, not the server's). */
export type FaceJobResult = { group: string; confidence: number; modelVersion: string; ms: number } | { unreadable: true };

type Pipeline = { extractor: FaceFeatureExtractor; head: Awaited<ReturnType<typeof loadGroupHead>> };

// Loaded once per thread, on its first frame; a failed load is tried again on the next frame.
let ready: Promise<Pipeline> | null = null;
function pipeline(): Promise<Pipeline> {
  ready ??= (async () => {
    const extractor = new FaceFeatureExtractor();
    const [head] = await Promise.all([loadGroupHead(), extractor.load()]);
    return { extractor, head };
  })().catch((error: unknown) => {
    ready = null;
    throw error;
  });
  return ready;
}

export default async function decideFace({ jpeg }: FaceJob): Promise<FaceJobResult> {
  const { extractor, head } = await pipeline();
  const started = performance.now();
  const image = await decodeImage(Buffer.from(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength)).catch(() => null);
  if (!image) return { unreadable: true };
  const decision = decide(head, await extractor.extract(image));
  return { group: decision.group, confidence: decision.confidence, modelVersion: head.model.version, ms: performance.now() - started };
}
