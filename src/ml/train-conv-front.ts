/**
 * Training side of `conv-front.ts`: the convolutions as im2col matrix products in tfjs, with their
 * gradients written out (tfjs-core's Node bundle has no autograd registry, and the wasm backend no
 * convolution gradients). Each layer: patches of `kernel` steps × channels → matMul → ReLU →
 * average of step pairs.
 */
import type * as TfCore from '@tensorflow/tfjs-core';
import { decodeFloat32, encodeFloat32 } from './dense-network';
import type { ConvFrontModel } from './conv-front';
import { timesTransposed, transposedTimes } from './transposed-products';

export type ConvFrontSpec = { steps: number; channels: number; kernel: number; filters: number[] };

export type ConvVariables = { weights: TfCore.Variable; bias: TfCore.Variable }[];

/** What the backward pass needs from the forward pass, per layer. */
type LayerPass = { patches: TfCore.Tensor2D; preActivation: TfCore.Tensor2D; steps: number; channels: number };
export type ConvPass = { output: TfCore.Tensor2D; layers: LayerPass[] };

/** Random filters, or a trained front's (`start`, the same spec) to carry on from. */
export function createConvVariables(tf: typeof TfCore, spec: ConvFrontSpec, seed: number, start?: ConvFrontModel): ConvVariables {
  let channels = spec.channels;
  return spec.filters.map((filters, index) => {
    const inputs = spec.kernel * channels;
    channels = filters;
    const trained = start?.layers[index];
    if (start && (trained?.kernel !== spec.kernel || trained.filters !== filters)) throw new Error('The convolutions to start from have a different shape.');
    return {
      weights: tf.variable(trained ? tf.tensor2d(decodeFloat32(trained.weights), [inputs, filters]) : tf.mul(tf.randomNormal([inputs, filters], 0, 1, 'float32', seed + 100 + index), Math.sqrt(2 / inputs)), true, `conv${index}`),
      bias: tf.variable(trained ? tf.tensor1d(trained.bias) : tf.zeros([filters]), true, `convBias${index}`),
    };
  });
}

export function convForward(tf: typeof TfCore, spec: ConvFrontSpec, variables: ConvVariables, input: TfCore.Tensor2D): ConvPass {
  const [rows, size] = input.shape;
  const sequenceSize = spec.steps * spec.channels;
  let sequence: TfCore.Tensor3D = tf.reshape(tf.slice(input, [0, 0], [rows, sequenceSize]), [rows, spec.steps, spec.channels]);
  let steps = spec.steps;
  let channels = spec.channels;
  const half = (spec.kernel - 1) / 2;
  const layers: LayerPass[] = variables.map((layer, index) => {
    const padded = tf.pad(sequence, [[0, 0], [half, half], [0, 0]]);
    const taps = Array.from({ length: spec.kernel }, (_, tap) => tf.slice(padded, [0, tap, 0], [rows, steps, channels]));
    const patches = tf.reshape(tf.concat(taps, 2), [rows * steps, spec.kernel * channels]) as TfCore.Tensor2D;
    const preActivation = tf.add(tf.matMul(patches, layer.weights), layer.bias) as TfCore.Tensor2D;
    const pass = { patches, preActivation, steps, channels };
    const filters = spec.filters[index]!;
    sequence = tf.mean(tf.reshape(tf.relu(preActivation), [rows, steps / 2, 2, filters]), 2) as TfCore.Tensor3D;
    steps /= 2;
    channels = filters;
    return pass;
  });
  const rest = tf.slice(input, [0, sequenceSize], [rows, size - sequenceSize]);
  return { output: tf.concat([tf.reshape(sequence, [rows, steps * channels]), rest], 1) as TfCore.Tensor2D, layers };
}

/** Gradients of the convolutions (with L2) from the gradient at the front's output. */
export function convGradients(tf: typeof TfCore, spec: ConvFrontSpec, variables: ConvVariables, pass: ConvPass, outputGradient: TfCore.Tensor2D, l2: number): TfCore.NamedTensorMap {
  const rows = outputGradient.shape[0];
  const last = pass.layers.at(-1)!;
  const lastFilters = spec.filters.at(-1)!;
  let delta: TfCore.Tensor = tf.slice(outputGradient, [0, 0], [rows, (last.steps / 2) * lastFilters]);
  const named: TfCore.NamedTensorMap = {};
  for (let index = variables.length - 1; index >= 0; index -= 1) {
    const layer = variables[index]!;
    const { patches, preActivation, steps, channels } = pass.layers[index]!;
    const filters = spec.filters[index]!;
    // Each pooled value is the mean of two steps: half its gradient goes to each, then through ReLU.
    const pooled = tf.reshape(delta, [rows, steps / 2, 1, filters]);
    const spread = tf.reshape(tf.div(tf.tile(pooled, [1, 1, 2, 1]), 2), [rows * steps, filters]);
    const gradient = tf.mul(spread, tf.step(preActivation)) as TfCore.Tensor2D;
    named[layer.weights.name] = tf.add(transposedTimes(tf, patches, gradient), tf.mul(layer.weights, 2 * l2));
    named[layer.bias.name] = tf.sum(gradient, 0);
    if (index === 0) break;
    // col2im: each patch's gradient goes back to the steps it was cut from.
    const patchGradient = tf.reshape(timesTransposed(tf, gradient, layer.weights), [rows, steps, spec.kernel, channels]);
    const half = (spec.kernel - 1) / 2;
    const taps = Array.from({ length: spec.kernel }, (_, tap) =>
      tf.pad(tf.reshape(tf.slice(patchGradient, [0, 0, tap, 0], [rows, steps, 1, channels]), [rows, steps, channels]), [[0, 0], [tap, spec.kernel - 1 - tap], [0, 0]]),
    );
    delta = tf.slice(tf.addN(taps), [0, half, 0], [rows, steps, channels]);
  }
  return named;
}

export function exportConvFront(spec: ConvFrontSpec, variables: ConvVariables): ConvFrontModel {
  return {
    steps: spec.steps,
    channels: spec.channels,
    layers: variables.map((layer, index) => ({
      kernel: spec.kernel,
      filters: spec.filters[index]!,
      weights: encodeFloat32(layer.weights.dataSync() as Float32Array),
      bias: Array.from(layer.bias.dataSync()),
    })),
  };
}
