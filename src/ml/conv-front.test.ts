/** The convolutions over time: the plain-TypeScript inference agrees with the tfjs training pass, the written-out gradients with finite differences, and a network with them learns a pattern wherever it falls. */
import { describe, expect, it } from 'vitest';
import type * as TfCore from '@tensorflow/tfjs-core';
import { seededRandom } from '../shared/seeded-random';
import { loadTf } from '../vision/runtime/tf-runtime';
import { argmax, decodeFloat32, DenseNetwork } from './dense-network';
import { applyConvFront } from './conv-front';
import { convForward, convGradients, createConvVariables, exportConvFront, type ConvFrontSpec } from './train-conv-front';
import { fitDenseNetwork, type LabelledSet } from './train-dense';

const spec: ConvFrontSpec = { steps: 8, channels: 3, kernel: 3, filters: [4, 5] };
const INPUT = spec.steps * spec.channels + 2;

function randomInputs(count: number, seed: number): Float32Array[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => Float32Array.from({ length: INPUT }, () => random() * 2 - 1));
}

describe('convolutions over time', () => {
  it('are computed the same by the kiosk (plain TypeScript) and by the trainer (tfjs)', async () => {
    const tf = await loadTf();
    const variables = createConvVariables(tf, spec, 3);
    const inputs = randomInputs(4, 1);
    const x = tf.tensor2d(inputs.flatMap((input) => Array.from(input)), [inputs.length, INPUT]);
    const trained = convForward(tf, spec, variables, x).output.arraySync();
    const front = exportConvFront(spec, variables);
    const layers = front.layers.map((layer) => ({ ...layer, weights: decodeFloat32(layer.weights), bias: Float32Array.from(layer.bias) }));
    inputs.forEach((input, row) => {
      const kiosk = applyConvFront(front, layers, input);
      expect(kiosk).toHaveLength(trained[row]!.length);
      kiosk.forEach((value, index) => expect(value).toBeCloseTo(trained[row]![index]!, 4));
    });
    tf.dispose([x, ...variables.flatMap((layer) => [layer.weights, layer.bias])]);
  });

  it('have the gradients finite differences give', async () => {
    const tf = await loadTf();
    const variables = createConvVariables(tf, spec, 5);
    const x = tf.tensor2d(randomInputs(3, 2).flatMap((input) => Array.from(input)), [3, INPUT]);
    const pass = convForward(tf, spec, variables, x);
    // Loss = Σ output × r for a fixed random r: its gradient at the output is r.
    const r = tf.randomNormal(pass.output.shape, 0, 1, 'float32', 9) as TfCore.Tensor2D;
    const loss = () => tf.tidy(() => tf.sum(tf.mul(convForward(tf, spec, variables, x).output, r)).dataSync()[0]!);
    const gradients = convGradients(tf, spec, variables, pass, r, 0);
    for (const layer of variables) {
      const analytic = gradients[layer.weights.name]!.dataSync();
      const values = layer.weights.dataSync().slice();
      for (const index of [0, 7, values.length - 1]) {
        const h = 1e-2;
        const at = (delta: number) => {
          const moved = values.slice();
          moved[index]! += delta;
          layer.weights.assign(tf.tensor2d(moved, layer.weights.shape as [number, number]));
          return loss();
        };
        const numeric = (at(h) - at(-h)) / (2 * h);
        at(0);
        expect(analytic[index]!).toBeCloseTo(numeric, 1);
      }
    }
    tf.dispose([x, r, pass.output, ...Object.values(gradients), ...variables.flatMap((layer) => [layer.weights, layer.bias])]);
  });

  it('let a network tell two patterns apart wherever in time they fall, and carry on from it with a class added', { timeout: 90_000 }, async () => {
    const tf = await loadTf();
    const random = seededRandom(4);
    // A rising or a falling run of three steps in channel 0, at a random time, in noise.
    const sample = (label: number) => {
      const input = Float32Array.from({ length: INPUT }, () => (random() - 0.5) * 0.3);
      const start = Math.floor(random() * (spec.steps - 3));
      for (let step = 0; step < 3; step += 1) input[(start + step) * spec.channels] = label === 0 ? step - 1 : 1 - step;
      return input;
    };
    const set = (count: number): LabelledSet => {
      const labels = Array.from({ length: count }, (_, index) => index % 2);
      return { inputs: labels.map(sample), labels };
    };
    const model = fitDenseNetwork(tf, set(400), { classCount: 2, hidden: 8, conv: spec, classBalance: 0, epochs: 40, learningRate: 0.01, batchSize: 32, seed: 1 }, 1e-4);
    expect(model.front?.layers).toHaveLength(2);
    const network = new DenseNetwork(model);
    const test = set(100);
    const right = test.inputs.filter((input, index) => argmax(network.probabilities(input)) === test.labels[index]).length;
    expect(right).toBeGreaterThanOrEqual(90);

    // Carried on from that network with a third class added ("none of these": flat inputs), it
    // keeps what it knew and learns the new class.
    const flat = (count: number): LabelledSet => ({ inputs: Array.from({ length: count }, () => Float32Array.from({ length: INPUT }, () => (random() - 0.5) * 0.3)), labels: new Array<number>(count).fill(2) });
    const extended = set(200);
    const none = flat(200);
    const adapted = fitDenseNetwork(tf, { inputs: [...extended.inputs, ...none.inputs], labels: [...extended.labels, ...none.labels] }, { classCount: 3, hidden: 8, conv: spec, classBalance: 0, epochs: 10, learningRate: 0.003, batchSize: 32, seed: 2, start: model }, 1e-4);
    expect(adapted.mean).toEqual(model.mean);
    const adaptedNetwork = new DenseNetwork(adapted);
    const threeWay = { inputs: [...test.inputs, ...flat(50).inputs], labels: [...test.labels, ...new Array<number>(50).fill(2)] };
    const rightNow = threeWay.inputs.filter((input, index) => argmax(adaptedNetwork.probabilities(input)) === threeWay.labels[index]).length;
    expect(rightNow).toBeGreaterThanOrEqual(130);
    expect(() => fitDenseNetwork(tf, extended, { classCount: 3, hidden: 16, conv: spec, classBalance: 0, epochs: 1, learningRate: 0.003, batchSize: 32, seed: 2, start: model }, 1e-4)).toThrow('different shape');
  });
});
