/**
 * One thread of the server's face pool: the same pipeline as the kiosk's own worker (BlazeFace +
 * faceres through Human on tfjs wasm, then our head). The frame lives only in this call's memory.
 */
import { decodeImage } from '../../vision/image/decode-image';
import { decide, loadGroupHead } from '../../vision/face-classifier';
import { FaceFeatureExtractor } from '../../vision/features/face-features';

export type FaceJob = { jpeg: Uint8Array };
export type FaceJobResult = { group: string; confidence: number; modelVersion: string; ms: number };

// Loaded once per thread, on its first frame.
const ready = (async () => {
  const extractor = new FaceFeatureExtractor();
  const [head] = await Promise.all([loadGroupHead(), extractor.load()]);
  return { extractor, head };
})();

export default async function decideFace({ jpeg }: FaceJob): Promise<FaceJobResult> {
  const { extractor, head } = await ready;
  const started = performance.now();
  const image = await decodeImage(Buffer.from(jpeg.buffer, jpeg.byteOffset, jpeg.byteLength));
  const decision = decide(head, await extractor.extract(image));
  return { group: decision.group, confidence: decision.confidence, modelVersion: head.model.version, ms: performance.now() - started };
}
