/**
 * The backward pass's products aᵀ·b and a·bᵀ (`src/ml/transposed-products.ts`) at the shapes our
 * trainers use, against tfjs's own `matMul` transpose flags, the call one would write first.
 */
import { timesTransposed, transposedTimes } from '../../src/ml/transposed-products';
import { loadTf } from '../../src/vision/runtime/tf-runtime';

/** rows × inputs, and outputs: a voice batch's im2col patches (128 utterances × 32 steps, 5 × 13 MFCCs → 48 filters), its hidden layer, the group head's full batch. */
const SHAPES = [
  { name: 'voice convolution (4096 × 65 → 48)', rows: 4096, inputs: 65, outputs: 48 },
  { name: 'voice hidden layer (128 × 769 → 384)', rows: 128, inputs: 769, outputs: 384 },
  { name: 'group head (4660 × 1126 → 4)', rows: 4660, inputs: 1126, outputs: 4 },
];

export type ProductTiming = { name: string; oursMs: number; flagsMs: number };

export async function measureTransposedProducts(repeats = 20): Promise<ProductTiming[]> {
  const tf = await loadTf();
  const msOf = (product: () => { dataSync(): unknown }) => {
    tf.tidy(() => { product().dataSync(); });
    const started = performance.now();
    for (let index = 0; index < repeats; index += 1) tf.tidy(() => { product().dataSync(); });
    return (performance.now() - started) / repeats;
  };
  return SHAPES.map(({ name, rows, inputs, outputs }) => {
    const [activations, gradient, weights] = [tf.randomUniform([rows, inputs]), tf.randomNormal([rows, outputs]), tf.randomNormal([inputs, outputs])];
    // A weight gradient (activationsᵀ · gradient) and the gradient passed back (gradient · weightsᵀ): one step's two products.
    const oursMs = msOf(() => transposedTimes(tf, activations, gradient)) + msOf(() => timesTransposed(tf, gradient, weights));
    const flagsMs = msOf(() => tf.matMul(activations, gradient, true, false)) + msOf(() => tf.matMul(gradient, weights, false, true));
    tf.dispose([activations, gradient, weights]);
    return { name, oursMs, flagsMs };
  });
}
