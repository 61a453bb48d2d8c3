/**
 * A small dense network (standardise → optional convolutions over time → dense layers → softmax
 * with a temperature), the inference side of every classifier we train: the face group head and
 * the voice keyword spotter. Plain TypeScript, a few small matrix products, so it runs the same in
 * Node, the browser and a worker.
 */
import { applyConvFront, convOutputSize, type ConvFrontModel, type DecodedConvLayer } from './conv-front';

export type DenseLayer = { inputs: number; outputs: number; activation: 'relu' | 'linear'; weights: string; bias: number[] };

/** The trained numbers as stored in a model file (weights as base64 float32, row-major [inputs][outputs]). */
export type DenseNetworkModel = {
  /** Standardisation learnt on the training split. */
  mean: number[];
  std: number[];
  /** Convolutions over the time sequence at the start of the input, before `layers`. */
  front?: ConvFrontModel;
  layers: DenseLayer[];
  /** Temperature scaling fitted on the validation split: softmax(logits / temperature). */
  temperature: number;
};

type Layer = { inputs: number; outputs: number; relu: boolean; weights: Float32Array; bias: Float32Array };

export class DenseNetwork {
  private readonly layers: Layer[];
  private readonly mean: Float32Array;
  private readonly std: Float32Array;
  private readonly front: DecodedConvLayer[];

  constructor(private readonly model: DenseNetworkModel) {
    this.mean = Float32Array.from(model.mean);
    this.std = Float32Array.from(model.std);
    let channels = model.front?.channels ?? 0;
    this.front = (model.front?.layers ?? []).map((layer) => {
      const weights = decodeFloat32(layer.weights);
      if (weights.length !== layer.kernel * channels * layer.filters) throw new Error('A convolution layer has the wrong number of weights.');
      channels = layer.filters;
      return { kernel: layer.kernel, filters: layer.filters, weights, bias: Float32Array.from(layer.bias) };
    });
    if (model.front && convOutputSize({ ...model.front, filters: model.front.layers.map((layer) => layer.filters) }, model.mean.length) !== model.layers[0]?.inputs) throw new Error('The convolutions do not fit the first dense layer.');
    this.layers = model.layers.map((layer) => {
      const weights = decodeFloat32(layer.weights);
      if (weights.length !== layer.inputs * layer.outputs) throw new Error('A network layer has the wrong number of weights.');
      return { inputs: layer.inputs, outputs: layer.outputs, relu: layer.activation === 'relu', weights, bias: Float32Array.from(layer.bias) };
    });
  }

  get inputSize(): number {
    return this.mean.length;
  }

  get outputSize(): number {
    return this.layers.at(-1)?.outputs ?? 0;
  }

  /** Raw scores before the temperature and the softmax. */
  logits(input: Float32Array): Float32Array {
    if (input.length !== this.inputSize) throw new Error(`The network expects ${this.inputSize} inputs, got ${input.length}.`);
    let values: Float32Array = input.map((value, index) => (value - this.mean[index]!) / this.std[index]!);
    if (this.model.front) values = applyConvFront(this.model.front, this.front, values);
    for (const layer of this.layers) values = dense(layer, values);
    return values;
  }

  probabilities(input: Float32Array): Float32Array {
    return softmax(this.logits(input).map((logit) => logit / this.model.temperature));
  }
}

function dense(layer: Layer, input: Float32Array): Float32Array {
  const out = Float32Array.from(layer.bias);
  for (let i = 0; i < layer.inputs; i += 1) {
    const value = input[i]!;
    if (value === 0) continue;
    const row = i * layer.outputs;
    for (let o = 0; o < layer.outputs; o += 1) out[o]! += value * layer.weights[row + o]!;
  }
  if (layer.relu) for (let o = 0; o < out.length; o += 1) out[o] = Math.max(0, out[o]!);
  return out;
}

export function softmax(logits: Float32Array): Float32Array {
  const max = Math.max(...logits);
  const exps = logits.map((logit) => Math.exp(logit - max));
  const sum = exps.reduce((total, value) => total + value, 0);
  return exps.map((value) => value / sum);
}

export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let index = 1; index < values.length; index += 1) if (values[index]! > values[best]!) best = index;
  return best;
}

export function encodeFloat32(values: Float32Array): string {
  const bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
  let binary = '';
  for (let index = 0; index < bytes.length; index += 1) binary += String.fromCharCode(bytes[index]!);
  return btoa(binary);
}

export function decodeFloat32(base64: string): Float32Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return new Float32Array(bytes.buffer);
}
