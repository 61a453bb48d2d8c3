/// <reference lib="webworker" />
/**
 * The camera's brain, off the UI thread: Human (tfjs WebAssembly) finds the face, our analyzer reads
 * it and our head classifies it. Models and wasm files come from this server, never a CDN.
 */
import { Human, type Tensor } from '@vladmandic/human';
import type { Collection, FaceSample, VisionWorkerRequest, VisionWorkerResponse } from './vision-messages';
import { FACE_CROP_WIDTH } from '../../../contracts/http';
import { FaceAnalyzer, humanConfig, type FaceBox, type FaceFeatures, type ModelLocations } from '../../../vision/features/face-analyzer';
import { bytesToBase64, featuresToBase64 } from '../../../vision/features/feature-codec';
import { GroupHead, type GroupHeadModel } from '../../../vision/head/group-head';
import { headInputOf } from '../../../vision/head/head-input';
import { problemText } from '../../shared/problem-text';

declare const self: DedicatedWorkerGlobalScope;

const LOCATIONS: ModelLocations = {
  modelBasePath: '/models/human/',
  wasmPath: '/models/wasm/',
  faceresUrl: '/models/human/faceres.json',
};

let human: Human | undefined;
let analyzer: FaceAnalyzer | undefined;
let head: GroupHead | undefined;
let collection: Collection = 'off';
/** The latest face, as far as the store collects it: replaced by every frame, asked for when a decision is voted. */
let latest: { features: FaceFeatures; crop: ImageBitmap | null } | null = null;

const reply = (message: VisionWorkerResponse) => self.postMessage(message);

async function fetchHead(url: string): Promise<GroupHeadModel> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as GroupHeadModel;
}

/** A new version replaces the head only once it has loaded and fits the same features; otherwise the old one keeps running. */
async function loadHead(url: string): Promise<void> {
  try {
    const next = new GroupHead(await fetchHead(url));
    if (head && next.inputSize !== head.inputSize) throw new Error(`the new head expects ${next.inputSize} inputs, not ${head.inputSize}`);
    head = next;
    reply({ type: 'head-loaded', modelVersion: next.model.version });
  } catch (error) {
    reply({ type: 'head-failed', message: problemText(error) });
  }
}

function forgetLatest(): void {
  latest?.crop?.close();
  latest = null;
}

async function holdLatest(features: FaceFeatures | null, frame: ImageBitmap): Promise<void> {
  forgetLatest();
  if (!features || collection === 'off') return;
  latest = { features, crop: collection === 'images' ? await cropOf(frame, features.box) : null };
}

/** The face box, clamped to the frame and scaled to the crop width: a face, never the scene. */
function cropOf(frame: ImageBitmap, box: FaceBox): Promise<ImageBitmap> {
  const x = Math.max(0, Math.floor(box.x));
  const y = Math.max(0, Math.floor(box.y));
  const width = Math.max(1, Math.min(frame.width, Math.ceil(box.x + box.width)) - x);
  const height = Math.max(1, Math.min(frame.height, Math.ceil(box.y + box.height)) - y);
  const scale = Math.min(1, FACE_CROP_WIDTH / width);
  return createImageBitmap(frame, x, y, width, height, { resizeWidth: Math.round(width * scale), resizeHeight: Math.max(1, Math.round(height * scale)), resizeQuality: 'medium' });
}

async function sampleOfLatest(): Promise<FaceSample> {
  if (!latest) return { features: null, crop: null };
  const { features, crop } = latest;
  let jpeg: string | null = null;
  if (crop) {
    const canvas = new OffscreenCanvas(crop.width, crop.height);
    canvas.getContext('2d')!.drawImage(crop, 0, 0);
    jpeg = bytesToBase64(new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 })).arrayBuffer()));
  }
  return { features: featuresToBase64(features), crop: jpeg };
}

self.onmessage = async (event: MessageEvent<VisionWorkerRequest>) => {
  const message = event.data;
  try {
    if (message.type === 'init') {
      human = new Human(humanConfig(LOCATIONS, 0.5));
      analyzer = new FaceAnalyzer(human, LOCATIONS);
      const [model] = await Promise.all([fetchHead(message.headUrl), analyzer.load()]);
      head = new GroupHead(model);
      reply({ type: 'ready', modelVersion: model.version });
      return;
    }
    if (message.type === 'load-head') return await loadHead(message.url);
    if (message.type === 'collect') {
      collection = message.collection;
      return forgetLatest();
    }
    if (message.type === 'sample') return reply({ type: 'sample', ...(await sampleOfLatest()) });
    const { frame } = message;
    if (!human || !analyzer || !head) return frame.close();
    const started = performance.now();
    const pixels = human.tf.tidy(() => human!.tf.expandDims(human!.tf.browser.fromPixels(frame), 0));
    try {
      const features = await analyzer.analyze(pixels as unknown as Tensor);
      // The frame stays open only until the face's crop (if the store collects images) is cut from it.
      await holdLatest(features, frame);
      const face = features ? { widthShare: features.box.width / frame.width, probabilities: head.predict(headInputOf(features)).probabilities } : null;
      reply({ type: 'reading', face, ms: performance.now() - started });
    } finally {
      frame.close();
      human.tf.dispose(pixels);
    }
  } catch (error) {
    reply({ type: 'failed', message: problemText(error) });
  }
};
