/**
 * The two matrix products a backward pass needs, aᵀ·b and a·bᵀ. tfjs-backend-wasm 4.22 runs
 * `matMul` with its own transpose flags 1.4–5× slower than a `transpose` followed by a plain
 * product (measured at the voice recognizer's and the group head's shapes), so we transpose first.
 * Call inside `tf.tidy`: the transposed copy is an intermediate.
 */
import type * as TfCore from '@tensorflow/tfjs-core';

export function transposedTimes(tf: typeof TfCore, a: TfCore.Tensor, b: TfCore.Tensor): TfCore.Tensor2D {
  return tf.matMul(tf.transpose(a), b);
}

export function timesTransposed(tf: typeof TfCore, a: TfCore.Tensor, b: TfCore.Tensor): TfCore.Tensor2D {
  return tf.matMul(a, tf.transpose(b));
}
