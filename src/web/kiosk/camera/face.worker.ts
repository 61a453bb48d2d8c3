/// <reference lib="webworker" />
/**
 * The camera's brain, off the UI thread: Human (tfjs WebAssembly) finds the face, our analyzer reads
 * it and our head classifies it. Models and wasm files come from this server, never a CDN.
 */
import { Human, type Tensor } from '@vladmandic/human';
import type { VisionWorkerRequest, VisionWorkerResponse } from './vision-messages';
import { FaceAnalyzer, humanConfig, type ModelLocations } from '../../../vision/features/face-analyzer';
import { GroupHead, type GroupHeadModel } from '../../../vision/head/group-head';
import { headInputOf } from '../../../vision/head/head-input';

declare const self: DedicatedWorkerGlobalScope;

const LOCATIONS: ModelLocations = {
  modelBasePath: '/models/human/',
  wasmPath: '/models/wasm/',
  faceresUrl: '/models/human/faceres.json',
};

let human: Human | undefined;
let analyzer: FaceAnalyzer | undefined;
let head: GroupHead | undefined;

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
    reply({ type: 'head-failed', message: error instanceof Error ? error.message : String(error) });
  }
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
    if (!human || !analyzer || !head) return message.frame.close();
    const started = performance.now();
    const pixels = human.tf.tidy(() => human!.tf.expandDims(human!.tf.browser.fromPixels(message.frame), 0));
    const width = message.frame.width;
    message.frame.close();
    try {
      const features = await analyzer.analyze(pixels as unknown as Tensor);
      const face = features ? { widthShare: features.box.width / width, probabilities: head.predict(headInputOf(features)).probabilities } : null;
      reply({ type: 'reading', face, ms: performance.now() - started });
    } finally {
      human.tf.dispose(pixels);
    }
  } catch (error) {
    reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
