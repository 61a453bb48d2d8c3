/** Human's stock face configuration: every face model on (mesh, iris, emotion, faceres, antispoof, liveness), senior if its age >= 60. */
import type { Tensor } from '@vladmandic/human';
import { fileUrl, HUMAN_MODELS_DIR, loadHumanLibrary, WASM_DIR } from '../../src/vision/runtime/human-runtime';
import { runContender } from './contender';

await runContender('Human stock (all face models)', async () => {
  const { Human } = loadHumanLibrary();
  const human = new Human({
    backend: 'wasm',
    wasmPath: `${WASM_DIR}/`,
    modelBasePath: fileUrl(`${HUMAN_MODELS_DIR}/`),
    debug: false,
    cacheSensitivity: 0,
    body: { enabled: false },
    hand: { enabled: false },
    object: { enabled: false },
    gesture: { enabled: false },
    segmentation: { enabled: false },
  });
  await human.load();
  return async (frame) => {
    const input = human.tf.tensor4d(frame.data, [1, frame.height, frame.width, 3], 'int32');
    try {
      const face = (await human.detect(input as unknown as Tensor)).face[0];
      if (!face) return null;
      return { age: face.age ?? 0, gender: face.gender === 'female' ? 'female' : 'male' };
    } finally {
      human.tf.dispose(input);
    }
  };
});
