/**
 * Trains a DenseNetwork with tfjs: a softmax layer or one hidden ReLU layer on standardised
 * inputs (optionally after convolutions over a time sequence, `train-conv-front.ts`),
 * class-weighted, L2-regularised, the regularisation picked by the caller's validation score, and
 * the confidence calibrated on the validation split by temperature scaling.
 */
import type * as TfCore from '@tensorflow/tfjs-core';
import { seededShuffle } from '../shared/seeded-random';
import { decodeFloat32, DenseNetwork, encodeFloat32, type DenseLayer, type DenseNetworkModel } from './dense-network';
import { convOutputSize } from './conv-front';
import { timesTransposed, transposedTimes } from './transposed-products';
import { convForward, convGradients, createConvVariables, exportConvFront, type ConvFrontSpec, type ConvPass } from './train-conv-front';

/** Inputs with their class index. */
export type LabelledSet = { inputs: Float32Array[]; labels: number[] };

/** How one network is fitted: everything but the choice of regularisation. */
export type DenseFitOptions = {
  classCount: number;
  hidden: number;
  /** Convolutions over the time sequence at the start of each input, before the dense layers. */
  conv?: ConvFrontSpec;
  /** How far to even out the classes: weight ∝ (1 / share of the class) ^ classBalance. */
  classBalance: number;
  epochs: number;
  learningRate: number;
  /** The last epochs at a fifth of the learning rate, to settle into the minimum the first ones found. */
  settleEpochs?: number;
  /** 0: full batch (small data); otherwise shuffled mini-batches of this size each epoch. */
  batchSize: number;
  /** Gaussian noise (in standard deviations) added to each mini-batch's inputs: a regulariser against memorising. */
  inputNoise?: number;
  seed: number;
  /**
   * Continue from a trained network of the same shape rather than random weights (adapting it to
   * new data), keeping its standardisation; outputs beyond its own (a class added) start at zero.
   */
  start?: DenseNetworkModel;
  /** Called after each epoch with the training loss and accuracy (mean over its batches); costs a read-back per batch, so only when asked. */
  onEpoch?: (progress: EpochProgress) => void;
};

export type DenseTrainOptions = DenseFitOptions & { l2Candidates: number[]; log?: (line: string) => void };

export type EpochProgress = { l2: number; epoch: number; loss: number; accuracy: number };

export type TrainedDense = { model: DenseNetworkModel; l2: number; validationScore: number };

/** Fits one network per L2 candidate, keeps the one `score` likes best on validation, calibrates it. */
export async function trainDenseClassifier(
  tf: typeof TfCore,
  train: LabelledSet,
  validation: LabelledSet,
  options: DenseTrainOptions,
  score: (network: DenseNetwork, validation: LabelledSet) => number,
): Promise<TrainedDense> {
  if (validation.inputs.length === 0) throw new Error('Training needs samples in both the training and the validation split.');
  let best: TrainedDense | undefined;
  for (const l2 of options.l2Candidates) {
    const model = fitDenseNetwork(tf, train, options, l2);
    const validationScore = score(new DenseNetwork(model), validation);
    options.log?.(`l2=${l2}: validation score ${validationScore.toFixed(4)}`);
    if (!best || validationScore > best.validationScore) best = { model, l2, validationScore };
  }
  const temperature = calibrateTemperature(new DenseNetwork(best!.model), validation);
  options.log?.(`chosen l2=${best!.l2}, temperature ${temperature.toFixed(2)}`);
  return { ...best!, model: { ...best!.model, temperature } };
}

/** One network fitted on `train` with this L2 weight; its temperature is 1 until calibrated. */
export function fitDenseNetwork(tf: typeof TfCore, train: LabelledSet, options: DenseFitOptions, l2: number): DenseNetworkModel {
  const size = train.inputs[0]?.length ?? 0;
  if (size === 0) throw new Error('Training needs at least one sample.');
  const { mean, std } = options.start ? { mean: Float32Array.from(options.start.mean), std: Float32Array.from(options.start.std) } : standardisation(train.inputs, size);
  const x = tf.tensor2d(standardise(train.inputs, mean, std), [train.inputs.length, size]);
  const y = tf.cast(tf.oneHot(tf.tensor1d(train.labels, 'int32'), options.classCount), 'float32') as TfCore.Tensor2D;
  const counts = Array.from({ length: options.classCount }, (_, label) => train.labels.filter((value) => value === label).length);
  const classWeights = counts.map((count) => (train.labels.length / (options.classCount * Math.max(1, count))) ** options.classBalance);
  const sampleWeights = tf.tensor1d(train.labels.map((label) => classWeights[label]!));
  try {
    return { mean: Array.from(mean), std: Array.from(std), ...fit(tf, x, y, sampleWeights, size, l2, options), temperature: 1 };
  } finally {
    tf.dispose([x, y, sampleWeights]);
  }
}

/**
 * Training with the gradients written out: tfjs-core's Node bundle ships without its autograd
 * registry, and a softmax layer (or one hidden ReLU layer) needs only a few matrix products.
 */
function fit(
  tf: typeof TfCore,
  x: TfCore.Tensor2D,
  y: TfCore.Tensor2D,
  sampleWeights: TfCore.Tensor1D,
  size: number,
  l2: number,
  options: DenseFitOptions,
): Pick<DenseNetworkModel, 'front' | 'layers'> {
  const conv = options.conv;
  const convVariables = conv ? createConvVariables(tf, conv, options.seed, options.start?.front) : [];
  const denseInputs = conv ? convOutputSize(conv, size) : size;
  const shapes = options.hidden > 0 ? [[denseInputs, options.hidden], [options.hidden, options.classCount]] : [[denseInputs, options.classCount]];
  const layers = shapes.map(([inputs, outputs], index) => {
    const start = options.start?.layers[index];
    if (start && (start.inputs !== inputs || start.outputs > outputs!)) throw new Error('The network to start from has a different shape.');
    return {
      weights: tf.variable(start ? startingWeights(tf, start, outputs!) : tf.mul(tf.randomNormal([inputs!, outputs!], 0, 1, 'float32', options.seed + index), Math.sqrt(2 / inputs!)), true, `w${index}`),
      bias: tf.variable(start ? tf.tensor1d([...start.bias, ...new Array<number>(outputs! - start.outputs).fill(0)]) : tf.zeros([outputs!]), true, `b${index}`),
    };
  });
  const forward = (input: TfCore.Tensor2D, convPass?: ConvPass) => {
    const activations: TfCore.Tensor2D[] = [convPass?.output ?? input];
    layers.forEach((layer, index) => {
      const out = tf.add(tf.matMul(activations[index]!, layer.weights), layer.bias) as TfCore.Tensor2D;
      activations.push(index < layers.length - 1 ? tf.relu(out) : out);
    });
    return activations;
  };
  const optimizer = new (class extends tf.AdamOptimizer {
    settle(): void {
      this.learningRate = options.learningRate / 5;
    }
  })(options.learningRate, 0.9, 0.999);
  const epochTotals = { loss: 0, accuracy: 0, batches: 0 };
  const step = (batchX: TfCore.Tensor2D, batchY: TfCore.Tensor2D, batchWeights: TfCore.Tensor1D) => {
    const gradients = tf.tidy(() => {
      const convPass = conv ? convForward(tf, conv, convVariables, batchX) : undefined;
      const activations = forward(batchX, convPass);
      // Each sample's share of the loss: class weights that sum to one over the batch.
      const share = tf.reshape(tf.div(batchWeights, tf.sum(batchWeights)), [-1, 1]);
      if (options.onEpoch) {
        const logits = activations[layers.length]!;
        // The loss being minimised (without the L2 term): class-weighted cross-entropy.
        const loss = tf.neg(tf.sum(tf.mul(share, tf.sum(tf.mul(batchY, tf.logSoftmax(logits)), 1, true))));
        const accuracy = tf.mean(tf.cast(tf.equal(tf.argMax(logits, 1), tf.argMax(batchY, 1)), 'float32'));
        epochTotals.loss += loss.dataSync()[0]!;
        epochTotals.accuracy += accuracy.dataSync()[0]!;
        epochTotals.batches += 1;
      }
      // d(weighted cross-entropy)/d(logits) = (softmax - onehot) × each sample's share.
      let delta = tf.mul(tf.sub(tf.softmax(activations[layers.length]!), batchY), share) as TfCore.Tensor2D;
      const named: TfCore.NamedTensorMap = {};
      for (let index = layers.length - 1; index >= 0; index -= 1) {
        const layer = layers[index]!;
        const input = activations[index]!;
        named[layer.weights.name] = tf.add(transposedTimes(tf, input, delta), tf.mul(layer.weights, 2 * l2));
        named[layer.bias.name] = tf.sum(delta, 0);
        if (index > 0) delta = tf.mul(timesTransposed(tf, delta, layer.weights), tf.step(input)) as TfCore.Tensor2D;
      }
      if (conv && convPass) Object.assign(named, convGradients(tf, conv, convVariables, convPass, timesTransposed(tf, delta, layers[0]!.weights), l2));
      return named;
    });
    optimizer.applyGradients(gradients as Parameters<typeof optimizer.applyGradients>[0]);
    tf.dispose(Object.values(gradients));
  };
  const rows = x.shape[0];
  const batchSize = options.batchSize > 0 ? Math.min(options.batchSize, rows) : rows;
  const indices = Array.from({ length: rows }, (_, index) => index);
  const reportEpoch = (epoch: number) => {
    if (!options.onEpoch || epochTotals.batches === 0) return;
    options.onEpoch({ l2, epoch, loss: epochTotals.loss / epochTotals.batches, accuracy: epochTotals.accuracy / epochTotals.batches });
    Object.assign(epochTotals, { loss: 0, accuracy: 0, batches: 0 });
  };
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    if (epoch === options.epochs - (options.settleEpochs ?? 0)) optimizer.settle();
    if (batchSize === rows) {
      step(x, y, sampleWeights);
      reportEpoch(epoch);
      continue;
    }
    const order = tf.tensor1d(seededShuffle(indices, options.seed * 1000 + epoch), 'int32');
    for (let start = 0; start + batchSize <= rows; start += batchSize) {
      const indices = tf.slice(order, start, batchSize);
      const gathered = tf.gather(x, indices) as TfCore.Tensor2D;
      const batchX = options.inputNoise ? (tf.add(gathered, tf.randomNormal(gathered.shape, 0, options.inputNoise)) as TfCore.Tensor2D) : gathered;
      const [batchY, batchWeights] = [tf.gather(y, indices), tf.gather(sampleWeights, indices)];
      step(batchX, batchY, batchWeights);
      if (batchX !== gathered) gathered.dispose();
      tf.dispose([indices, batchX, batchY, batchWeights]);
    }
    order.dispose();
    reportEpoch(epoch);
  }
  const trained: DenseLayer[] = layers.map((layer, index) => ({
    inputs: layer.weights.shape[0]!,
    outputs: layer.weights.shape[1]!,
    activation: index < layers.length - 1 ? 'relu' : 'linear',
    weights: encodeFloat32(layer.weights.dataSync() as Float32Array),
    bias: Array.from(layer.bias.dataSync()),
  }));
  const front = conv ? exportConvFront(conv, convVariables) : undefined;
  optimizer.dispose();
  tf.dispose([...layers, ...convVariables].flatMap((layer) => [layer.weights, layer.bias]));
  return { ...(front ? { front } : {}), layers: trained };
}

/** A trained layer's weights, with zero columns for outputs it did not have. */
function startingWeights(tf: typeof TfCore, layer: DenseLayer, outputs: number): TfCore.Tensor2D {
  const trained = tf.tensor2d(decodeFloat32(layer.weights), [layer.inputs, layer.outputs]);
  return tf.tidy(() => tf.concat([trained, tf.zeros([layer.inputs, outputs - layer.outputs])], 1));
}

function standardisation(inputs: Float32Array[], size: number): { mean: Float32Array; std: Float32Array } {
  const mean = new Float32Array(size);
  const std = new Float32Array(size);
  for (const input of inputs) for (let column = 0; column < size; column += 1) mean[column]! += input[column]! / inputs.length;
  for (const input of inputs) for (let column = 0; column < size; column += 1) std[column]! += (input[column]! - mean[column]!) ** 2 / inputs.length;
  // A constant feature gets std 1, so it neither divides by zero nor matters.
  for (let column = 0; column < size; column += 1) std[column] = Math.sqrt(std[column]!) || 1;
  return { mean, std };
}

function standardise(inputs: Float32Array[], mean: Float32Array, std: Float32Array): Float32Array {
  const size = mean.length;
  const data = new Float32Array(inputs.length * size);
  inputs.forEach((input, row) => {
    for (let column = 0; column < size; column += 1) data[row * size + column] = (input[column]! - mean[column]!) / std[column]!;
  });
  return data;
}

/** The temperature that minimises the validation negative log-likelihood (a simple, reliable calibration). */
export function calibrateTemperature(network: DenseNetwork, validation: LabelledSet): number {
  return temperatureFor(validation.inputs.map((input) => network.logits(input)), validation.labels);
}

/** The same from raw logits and their true classes (e.g. out-of-fold logits of a cross-validation). */
export function temperatureFor(logits: readonly Float32Array[], labels: readonly number[]): number {
  const nll = (temperature: number) =>
    logits.reduce((sum, row, index) => {
      const scaled = row.map((logit) => logit / temperature);
      const max = Math.max(...scaled);
      const logSum = max + Math.log(scaled.reduce((total, value) => total + Math.exp(value - max), 0));
      return sum + logSum - scaled[labels[index]!]!;
    }, 0);
  let best = 1;
  for (let temperature = 0.25; temperature <= 5; temperature += 0.05) if (nll(temperature) < nll(best)) best = temperature;
  return Math.round(best * 100) / 100;
}
