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

self.onmessage = async (event: MessageEvent<VisionWorkerRequest>) => {
  const message = event.data;
  try {
    if (message.type === 'init') {
      human = new Human(humanConfig(LOCATIONS, 0.5));
      analyzer = new FaceAnalyzer(human, LOCATIONS);
      const [model] = await Promise.all([fetch(message.headUrl).then((response) => response.json() as Promise<GroupHeadModel>), analyzer.load()]);
      head = new GroupHead(model);
      reply({ type: 'ready', modelVersion: model.version });
      return;
    }
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
