/**
 * From an image to what our classifier reads, the same in Node and in the browser's worker: the
 * most prominent face found by Human's BlazeFace, then on its crop the faceres model (age
 * distribution, gender, 1024-d embedding). Tensors are created and disposed here only.
 * (GEAR's age bins were tried too: +0.001 macro F1 for 90 ms a frame, so they were left out.)
 */
import type { Config, GraphModel, Human, Tensor } from '@vladmandic/human';

export type FaceBox = { x: number; y: number; width: number; height: number };

export type FaceFeatures = {
  box: FaceBox;
  detectorScore: number;
  /** faceres: P(male), the 100-bin age distribution and the identity embedding. */
  faceresMale: number;
  faceresAge: Float32Array;
  embedding: Float32Array;
};

export type ModelLocations = { modelBasePath: string; wasmPath: string; faceresUrl: string };

/** Human set up for detection only: faceres is run by us on the crop it returns, with all its outputs. */
export function humanConfig(locations: ModelLocations, minFaceConfidence: number): Partial<Config> {
  return {
    backend: 'wasm',
    wasmPath: locations.wasmPath,
    modelBasePath: locations.modelBasePath,
    debug: false,
    // Every frame is analysed afresh: no reuse of earlier results.
    cacheSensitivity: 0,
    face: {
      enabled: true,
      detector: { modelPath: 'blazeface.json', rotation: false, maxDetected: 1, minConfidence: minFaceConfidence, return: true, skipFrames: 0, skipTime: 0 },
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
  } as Partial<Config>;
}

export class FaceAnalyzer {
  private faceres: GraphModel | undefined;

  constructor(
    private readonly human: Human,
    private readonly locations: ModelLocations,
  ) {}

  async load(): Promise<void> {
    if (this.faceres) return;
    await this.human.load();
    const tf = this.human.tf as unknown as { loadGraphModel(url: string): Promise<GraphModel> };
    this.faceres = await tf.loadGraphModel(this.locations.faceresUrl);
    await this.warmUp();
  }

  /** The first run of a model compiles its kernels: do that now, not on the customer's first frame. */
  private async warmUp(): Promise<void> {
    const tf = this.human.tf;
    const frame = tf.zeros([1, 256, 256, 3]);
    const crop = tf.zeros([256, 256, 3]);
    try {
      await this.human.detect(frame as never);
      await this.describe(crop as never);
    } finally {
      tf.dispose([frame, crop]);
    }
  }

  /** The features of the largest face in an RGB image tensor [1, height, width, 3], or null when none is found. */
  async analyze(image: Tensor): Promise<FaceFeatures | null> {
    await this.load();
    const result = await this.human.detect(image);
    try {
      const face = [...result.face].sort((a, b) => b.box[2] * b.box[3] - a.box[2] * a.box[3])[0];
      if (!face?.tensor) return null;
      return { box: { x: face.box[0], y: face.box[1], width: face.box[2], height: face.box[3] }, detectorScore: face.boxScore, ...(await this.describe(face.tensor)) };
    } finally {
      for (const face of result.face) if (face.tensor) this.human.tf.dispose(face.tensor);
    }
  }

  private async describe(crop: Tensor) {
    const tf = this.human.tf;
    const faceres = this.faceres!;
    const size: [number, number] = [faceres.inputs[0]?.shape?.[1] ?? 224, faceres.inputs[0]?.shape?.[2] ?? 224];
    const outputs = tf.tidy(() => {
      // Human returns the face crop as [height, width, 3] with values 0..1; faceres reads 0..255.
      const face = (crop.rank === 3 ? tf.expandDims(crop, 0) : crop) as never;
      const input = tf.mul(tf.image.resizeBilinear(face, size), 255);
      return faceres.execute(input, ['gender_pred/Sigmoid:0', 'global_pooling/Mean', 'age_pred/Softmax:0']) as Tensor[];
    });
    const [male, embedding, age] = await Promise.all(outputs.map((tensor: Tensor) => tensor.data() as Promise<Float32Array>));
    tf.dispose(outputs);
    return { faceresMale: male![0]!, embedding: embedding!, faceresAge: age! };
  }
}
