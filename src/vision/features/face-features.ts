/** Face features in Node: decoded images in, FaceAnalyzer on Human's node-wasm build, models read from disk. */
import path from 'node:path';
import type { Human, Tensor } from '@vladmandic/human';
import type { RgbImage } from '../image/decode-image';
import { fileUrl, HUMAN_MODELS_DIR, loadHumanLibrary, WASM_DIR } from '../runtime/human-runtime';
import { FaceAnalyzer, humanConfig, type FaceFeatures, type ModelLocations } from './face-analyzer';

const NODE_LOCATIONS: ModelLocations = {
  modelBasePath: fileUrl(`${HUMAN_MODELS_DIR}/`),
  wasmPath: `${WASM_DIR}/`,
  faceresUrl: fileUrl(path.join(HUMAN_MODELS_DIR, 'faceres.json')),
};

export class FaceFeatureExtractor {
  private analyzer: FaceAnalyzer | undefined;
  private human: Human | undefined;

  constructor(private readonly minFaceConfidence = 0.5) {}

  async load(): Promise<void> {
    if (this.analyzer) return;
    const { Human } = loadHumanLibrary();
    this.human = new Human(humanConfig(NODE_LOCATIONS, this.minFaceConfidence));
    this.analyzer = new FaceAnalyzer(this.human, NODE_LOCATIONS);
    await this.analyzer.load();
  }

  /** The features of the largest face, or null when no face is confidently found. */
  async extract(image: RgbImage): Promise<FaceFeatures | null> {
    await this.load();
    const input = this.human!.tf.tensor4d(image.data, [1, image.height, image.width, 3], 'int32');
    try {
      return await this.analyzer!.analyze(input as unknown as Tensor);
    } finally {
      this.human!.tf.dispose(input);
    }
  }
}
