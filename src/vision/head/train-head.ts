/**
 * Trains the group head with tfjs: a softmax layer (or one hidden layer) on standardised features,
 * class-balanced, L2-regularised, with the regularisation picked on the validation split and
 * the confidence calibrated there by temperature scaling.
 */
import type * as TfCore from '@tensorflow/tfjs-core';
import { FACE_GROUPS, type FaceGroup } from '../../domain/customer-group';
import { encodeFloat32, GroupHead, type DenseLayer, type GroupHeadModel } from './group-head';
import { metricsOf } from './metrics';

export type TrainingSample = { input: Float32Array; group: FaceGroup };

export type TrainOptions = {
  hidden: number;
  /** How far to even out the groups: weight ∝ (1 / share of the group) ^ classBalance. */
  classBalance: number;
  l2Candidates: number[];
  epochs: number;
  learningRate: number;
  seed: number;
  log?: (line: string) => void;
};

export const DEFAULT_TRAIN_OPTIONS: TrainOptions = { hidden: 0, classBalance: 0.5, l2Candidates: [1e-3, 1e-2, 3e-2, 1e-1], epochs: 300, learningRate: 0.01, seed: 7 };

type Trained = { layers: DenseLayer[]; validationLoss: number; l2: number };

export async function trainGroupHead(
  tf: typeof TfCore,
  train: TrainingSample[],
  validation: TrainingSample[],
  options: TrainOptions,
  describe: Omit<GroupHeadModel, 'format' | 'classes' | 'mean' | 'std' | 'layers' | 'temperature'>,
): Promise<GroupHead> {
  const size = train[0]?.input.length ?? 0;
  if (size === 0 || validation.length === 0) throw new Error('Training needs samples in both the training and the validation split.');
  const { mean, std } = standardisation(train, size);
  const standardise = (samples: TrainingSample[]) => {
    const data = new Float32Array(samples.length * size);
    samples.forEach((sample, row) => {
      for (let column = 0; column < size; column += 1) data[row * size + column] = (sample.input[column]! - mean[column]!) / std[column]!;
    });
    return data;
  };
  const trainX = tf.tensor2d(standardise(train), [train.length, size]);
  const trainY = tf.cast(tf.oneHot(tf.tensor1d(train.map((sample) => FACE_GROUPS.indexOf(sample.group)), 'int32'), FACE_GROUPS.length), 'float32') as TfCore.Tensor2D;
  const validationX = tf.tensor2d(standardise(validation), [validation.length, size]);
  const validationY = tf.cast(tf.oneHot(tf.tensor1d(validation.map((sample) => FACE_GROUPS.indexOf(sample.group)), 'int32'), FACE_GROUPS.length), 'float32') as TfCore.Tensor2D;
  // Seniors are about a tenth of the data. Full balancing (1) over-calls seniors, none (0) misses
  // them; the square root (0.5) gave the best macro F1 on the aaf-train validation split.
  const counts = FACE_GROUPS.map((group) => train.filter((sample) => sample.group === group).length);
  const classWeights = tf.tensor1d(counts.map((count) => (train.length / (FACE_GROUPS.length * Math.max(1, count))) ** options.classBalance));
  const sampleWeights = tf.sum(tf.mul(trainY, classWeights), 1) as TfCore.Tensor1D;

  const headOf = (trained: Trained): GroupHeadModel => ({
    format: 'neulbom-group-head@1',
    classes: [...FACE_GROUPS],
    mean: Array.from(mean),
    std: Array.from(std),
    layers: trained.layers,
    temperature: 1,
    ...describe,
    card: { ...describe.card, l2: trained.l2, hidden: options.hidden, epochs: options.epochs },
  });
  // Regularisation is chosen by what we are judged on: macro F1 on the validation split.
  let best: { trained: Trained; macroF1: number } | undefined;
  for (const l2 of options.l2Candidates) {
    const trained = fit(tf, trainX, trainY, sampleWeights, validationX, validationY, size, l2, options);
    const head = new GroupHead(headOf(trained));
    const { macroF1 } = metricsOf(validation.map((sample) => ({ truth: sample.group, decision: head.predict(sample.input).group })));
    options.log?.(`l2=${l2}: validation loss ${trained.validationLoss.toFixed(4)}, macro F1 ${macroF1.toFixed(4)}`);
    if (!best || macroF1 > best.macroF1) best = { trained, macroF1 };
  }
  const chosen = best!.trained;
  const uncalibrated = headOf(chosen);
  const temperature = calibrateTemperature(new GroupHead(uncalibrated), validation);
  options.log?.(`chosen l2=${chosen.l2}, temperature ${temperature.toFixed(2)}`);
  tf.dispose([trainX, trainY, validationX, validationY, classWeights, sampleWeights]);
  return new GroupHead({ ...uncalibrated, temperature });
}

/**
 * Full-batch training with the gradients written out: tfjs-core's Node bundle ships without its
 * autograd registry, and a softmax layer (or one hidden ReLU layer) needs only a few matrix products.
 */
function fit(
  tf: typeof TfCore,
  x: TfCore.Tensor2D,
  y: TfCore.Tensor2D,
  sampleWeights: TfCore.Tensor1D,
  validationX: TfCore.Tensor2D,
  validationY: TfCore.Tensor2D,
  size: number,
  l2: number,
  options: TrainOptions,
): Trained {
  const shapes = options.hidden > 0 ? [[size, options.hidden], [options.hidden, FACE_GROUPS.length]] : [[size, FACE_GROUPS.length]];
  const layers = shapes.map(([inputs, outputs], index) => ({
    weights: tf.variable(tf.mul(tf.randomNormal([inputs!, outputs!], 0, 1, 'float32', options.seed + index), Math.sqrt(2 / inputs!)), true, `w${index}`),
    bias: tf.variable(tf.zeros([outputs!]), true, `b${index}`),
  }));
  // Each sample's share of the loss: class-balanced weights that sum to one.
  const share = tf.tidy(() => tf.reshape(tf.div(sampleWeights, tf.sum(sampleWeights)), [-1, 1]));
  const forward = (input: TfCore.Tensor2D) => {
    const activations: TfCore.Tensor2D[] = [input];
    layers.forEach((layer, index) => {
      const out = tf.add(tf.matMul(activations[index]!, layer.weights), layer.bias) as TfCore.Tensor2D;
      activations.push(index < layers.length - 1 ? tf.relu(out) : out);
    });
    return activations;
  };
  const optimizer = tf.train.adam(options.learningRate);
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    const gradients = tf.tidy(() => {
      const activations = forward(x);
      // d(weighted cross-entropy)/d(logits) = (softmax - onehot) × each sample's share.
      let delta = tf.mul(tf.sub(tf.softmax(activations[layers.length]!), y), share) as TfCore.Tensor2D;
      const named: TfCore.NamedTensorMap = {};
      for (let index = layers.length - 1; index >= 0; index -= 1) {
        const layer = layers[index]!;
        const input = activations[index]!;
        named[layer.weights.name] = tf.add(tf.matMul(input, delta, true, false), tf.mul(layer.weights, 2 * l2));
        named[layer.bias.name] = tf.sum(delta, 0);
        if (index > 0) delta = tf.mul(tf.matMul(delta, layer.weights, false, true), tf.step(input)) as TfCore.Tensor2D;
      }
      return named;
    });
    optimizer.applyGradients(gradients as Parameters<typeof optimizer.applyGradients>[0]);
    tf.dispose(Object.values(gradients));
  }
  const validationLoss = tf.tidy(() => {
    const logits = forward(validationX)[layers.length]!;
    return -tf.mean(tf.sum(tf.mul(validationY, tf.logSoftmax(logits)), 1)).dataSync()[0]!;
  });
  const trained: DenseLayer[] = layers.map((layer, index) => ({
    inputs: layer.weights.shape[0]!,
    outputs: layer.weights.shape[1]!,
    activation: index < layers.length - 1 ? 'relu' : 'linear',
    weights: encodeFloat32(layer.weights.dataSync() as Float32Array),
    bias: Array.from(layer.bias.dataSync()),
  }));
  optimizer.dispose();
  tf.dispose([share, ...layers.flatMap((layer) => [layer.weights, layer.bias])]);
  return { layers: trained, validationLoss, l2 };
}

function standardisation(samples: TrainingSample[], size: number): { mean: Float32Array; std: Float32Array } {
  const mean = new Float32Array(size);
  const std = new Float32Array(size);
  for (const sample of samples) for (let column = 0; column < size; column += 1) mean[column]! += sample.input[column]! / samples.length;
  for (const sample of samples) for (let column = 0; column < size; column += 1) std[column]! += (sample.input[column]! - mean[column]!) ** 2 / samples.length;
  // A constant feature gets std 1, so it neither divides by zero nor matters.
  for (let column = 0; column < size; column += 1) std[column] = Math.sqrt(std[column]!) || 1;
  return { mean, std };
}

/** The temperature that minimises the validation negative log-likelihood (a simple, reliable calibration). */
export function calibrateTemperature(head: GroupHead, validation: TrainingSample[]): number {
  const logits = validation.map((sample) => {
    const probabilities = head.predict(sample.input).probabilities;
    return FACE_GROUPS.map((group) => Math.log(Math.max(1e-12, probabilities[group])));
  });
  const nll = (temperature: number) =>
    logits.reduce((sum, row, index) => {
      const scaled = row.map((logit) => logit / temperature);
      const max = Math.max(...scaled);
      const logSum = max + Math.log(scaled.reduce((total, value) => total + Math.exp(value - max), 0));
      return sum + logSum - scaled[FACE_GROUPS.indexOf(validation[index]!.group)]!;
    }, 0);
  let best = 1;
  for (let temperature = 0.25; temperature <= 5; temperature += 0.05) if (nll(temperature) < nll(best)) best = temperature;
  return Math.round(best * 100) / 100;
}
