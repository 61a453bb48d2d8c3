/**
 * From an image to what our classifier reads: the most prominent face found by Human's BlazeFace,
 * then on its crop the faceres model (age distribution, gender, 1024-d embedding) and GEAR
 * (age bins, gender, ethnicity). Models run on tfjs WebAssembly; tensors are disposed here.
 */
import type { GraphModel } from '@tensorflow/tfjs-converter';
import type { Human, Tensor } from '@vladmandic/human';
import type { RgbImage } from '../image/decode-image';
import { fileUrl, HUMAN_MODELS_DIR, loadHumanLibrary, PROJECT_MODELS_DIR, WASM_DIR } from '../runtime/human-runtime';
import path from 'node:path';

export type FaceBox = { x: number; y: number; width: number; height: number };

export type FaceFeatures = {
  box: FaceBox;
  detectorScore: number;
  /** faceres: P(male), the 100-bin age distribution and the identity embedding. */
  faceresMale: number;
  faceresAge: Float32Array;
  embedding: Float32Array;
  /** GEAR: age bins (centres 15, 23, 28, 35.5, 45.5, 55.5, 65), [male, female], 5 ethnicity scores. */
  gearAge: Float32Array;
  gearGender: Float32Array;
  gearRace: Float32Array;
};

export const GEAR_AGE_CENTRES = [15, 23, 28, 35.5, 45.5, 55.5, 65];

/** Expected age from faceres's distribution (bins of one year). */
export function faceresExpectedAge(features: FaceFeatures): number {
  return features.faceresAge.reduce((sum, p, index) => sum + p * index, 0);
}

export type FaceFeatureOptions = { minFaceConfidence: number };

export class FaceFeatureExtractor {
  private human: Human | undefined;
  private faceres: GraphModel | undefined;
  private gear: GraphModel | undefined;

  constructor(private readonly options: FaceFeatureOptions = { minFaceConfidence: 0.5 }) {}

  async load(): Promise<void> {
    if (this.human) return;
    const { Human } = loadHumanLibrary();
    const human = new Human({
      backend: 'wasm',
      wasmPath: `${WASM_DIR}/`,
      modelBasePath: fileUrl(`${HUMAN_MODELS_DIR}/`),
      debug: false,
      // Still images and live frames alike are analysed afresh: no result reuse between calls.
      cacheSensitivity: 0,
      face: {
        enabled: true,
        detector: { modelPath: 'blazeface.json', rotation: false, maxDetected: 1, minConfidence: this.options.minFaceConfidence, return: true, skipFrames: 0, skipTime: 0 },
        mesh: { enabled: false },
        iris: { enabled: false },
        emotion: { enabled: false },
        description: { enabled: false },
        antispoof: { enabled: false },
        liveness: { enabled: false },
      },
      body: { enabled: false },
      hand: { enabled: false },
      object: { enabled: false },
      gesture: { enabled: false },
      segmentation: { enabled: false },
    });
    await human.load();
    const loadGraphModel = (human.tf as unknown as { loadGraphModel(url: string): Promise<GraphModel> }).loadGraphModel;
    this.faceres = await loadGraphModel(fileUrl(path.join(HUMAN_MODELS_DIR, 'faceres.json')));
    this.gear = await loadGraphModel(fileUrl(path.join(PROJECT_MODELS_DIR, 'gear.json')));
    this.human = human;
  }

  /** The features of the largest face, or null when no face is confidently found. */
  async extract(image: RgbImage): Promise<FaceFeatures | null> {
    await this.load();
    const human = this.human!;
    const tf = human.tf;
    const input = tf.tensor4d(image.data, [1, image.height, image.width, 3], 'int32');
    try {
      const result = await human.detect(input as unknown as Tensor);
      const face = result.face.sort((a, b) => b.box[2] * b.box[3] - a.box[2] * a.box[3])[0];
      if (!face?.tensor) return null;
      try {
        return { box: { x: face.box[0], y: face.box[1], width: face.box[2], height: face.box[3] }, detectorScore: face.boxScore, ...(await this.describe(face.tensor)) };
      } finally {
        for (const other of result.face) if (other.tensor) tf.dispose(other.tensor);
      }
    } finally {
      tf.dispose(input);
    }
  }

  private async describe(crop: Tensor) {
    const tf = this.human!.tf;
    const faceres = this.faceres!;
    const gear = this.gear!;
    const [faceresHeight = 224, faceresWidth = 224] = [faceres.inputs[0]?.shape?.[1], faceres.inputs[0]?.shape?.[2]];
    const [gearHeight = 198, gearWidth = 198] = [gear.inputs[0]?.shape?.[1], gear.inputs[0]?.shape?.[2]];
    const outputs = tf.tidy(() => {
      // Human returns the face crop as [height, width, 3] with values 0..1.
      const face = (crop.rank === 3 ? tf.expandDims(crop, 0) : crop) as never;
      const faceresInput = tf.mul(tf.image.resizeBilinear(face, [faceresHeight, faceresWidth]), 255);
      const [male, embedding, age] = faceres.execute(faceresInput, ['gender_pred/Sigmoid:0', 'global_pooling/Mean', 'age_pred/Softmax:0']) as Tensor[];
      // GEAR was trained on a tighter crop: drop the top tenth (forehead and hair) as Human does.
      const gearInput = tf.image.cropAndResize(face, [[0, 0.1, 0.9, 0.9]], [0], [gearHeight, gearWidth]);
      const [gearAge, gearGender, gearRace] = gear.execute(gearInput, ['age_output', 'gender_output', 'race_output']) as Tensor[];
      return [male!, embedding!, age!, gearAge!, gearGender!, gearRace!];
    });
    const [male, embedding, age, gearAge, gearGender, gearRace] = await Promise.all(outputs.map((tensor: Tensor) => tensor.data() as Promise<Float32Array>));
    tf.dispose(outputs);
    return {
      faceresMale: male![0]!,
      embedding: embedding!,
      faceresAge: age!,
      gearAge: gearAge!,
      gearGender: gearGender!,
      gearRace: gearRace!,
    };
  }
}
