/** @vladmandic/face-api: SSD MobileNet v1 detection + its age/gender net, senior if its age >= 60. */
import { createRequire } from 'node:module';
import path from 'node:path';
import { WASM_DIR } from '../../src/vision/runtime/human-runtime';
import { runContender } from './contender';

const require = createRequire(import.meta.url);

type FaceApi = {
  tf: { setBackend(name: string): Promise<boolean>; ready(): Promise<void>; tensor3d(data: Uint8Array, shape: number[], dtype: string): { dispose(): void } };
  nets: { ssdMobilenetv1: { loadFromDisk(dir: string): Promise<void> }; ageGenderNet: { loadFromDisk(dir: string): Promise<void> } };
  SsdMobilenetv1Options: new (options: { minConfidence: number }) => unknown;
  detectSingleFace(input: unknown, options: unknown): { withAgeAndGender(): Promise<{ age: number; gender: string } | undefined> };
};

await runContender('face-api (SSD MobileNet + age/gender)', async () => {
  const faceApiDir = path.dirname(require.resolve('@vladmandic/face-api'));
  (require('@tensorflow/tfjs-backend-wasm') as { setWasmPaths(prefix: string): void }).setWasmPaths(`${WASM_DIR}/`);
  const faceapi = require(path.join(faceApiDir, 'face-api.node-wasm.js')) as FaceApi;
  await faceapi.tf.setBackend('wasm');
  await faceapi.tf.ready();
  const modelDir = path.resolve(faceApiDir, '../model');
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(modelDir);
  await faceapi.nets.ageGenderNet.loadFromDisk(modelDir);
  const options = new faceapi.SsdMobilenetv1Options({ minConfidence: 0.5 });
  return async (frame) => {
    const input = faceapi.tf.tensor3d(frame.data, [frame.height, frame.width, 3], 'int32');
    try {
      const result = await faceapi.detectSingleFace(input, options).withAgeAndGender();
      return result ? { age: result.age, gender: result.gender === 'female' ? 'female' : 'male' } : null;
    } finally {
      input.dispose();
    }
  };
});
