import { describe, expect, it } from 'vitest';
import { FACE_GROUPS } from '../../domain/customer-group';
import { loadTf } from '../runtime/tf-runtime';
import { decodeFloat32, DenseNetwork, encodeFloat32 } from '../../ml/dense-network';
import { calibrateTemperature } from '../../ml/train-dense';
import { GroupHead, type GroupHeadModel } from './group-head';
import { trainGroupHead, type TrainingSample } from './train-head';
import { seededShuffle } from '../../shared/seeded-random';

function linearHead(weights: number[], bias: number[], temperature = 1): GroupHead {
  const model: GroupHeadModel = {
    format: 'neulbom-group-head@1',
    version: 'test',
    featureVersion: 'test',
    seniorAge: 60,
    classes: [...FACE_GROUPS],
    mean: [0, 0],
    std: [1, 1],
    layers: [{ inputs: 2, outputs: 4, activation: 'linear', weights: encodeFloat32(Float32Array.from(weights)), bias }],
    temperature,
    card: {},
  };
  return new GroupHead(model);
}

/** Two features: x0 high → senior, x1 high → female; a little noise. */
function syntheticSamples(count: number, seed: number): TrainingSample[] {
  return seededShuffle(
    Array.from({ length: count }, (_, index) => {
      const group = FACE_GROUPS[index % 4]!;
      const jitter = ((index * 7919 + seed) % 100) / 100 - 0.5;
      const input = Float32Array.from([group.startsWith('senior') ? 1 + jitter : -1 - jitter, group.endsWith('female') ? 1 - jitter : -1 + jitter]);
      return { input, group };
    }),
    seed,
  );
}

describe('GroupHead', () => {
  it('round-trips float32 weights through base64', () => {
    const values = Float32Array.from([0, -1.5, 3.25, 1e-7]);
    expect(decodeFloat32(encodeFloat32(values))).toEqual(values);
  });

  it('applies the layer and returns probabilities that sum to one', () => {
    // Row-major [inputs][outputs]: input 0 votes senior_male, input 1 votes general_female.
    const head = linearHead([4, 0, 0, 0, 0, 0, 0, 4], [0, 0, 0, 0]);
    expect(head.predict(Float32Array.from([1, 0])).group).toBe('senior_male');
    const prediction = head.predict(Float32Array.from([0, 1]));
    expect(prediction.group).toBe('general_female');
    expect(Object.values(prediction.probabilities).reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 6);
  });

  it('is less sure at a higher temperature', () => {
    const input = Float32Array.from([1, 0]);
    const sharp = linearHead([4, 0, 0, 0, 0, 0, 0, 4], [0, 0, 0, 0], 1).predict(input).confidence;
    const soft = linearHead([4, 0, 0, 0, 0, 0, 0, 4], [0, 0, 0, 0], 3).predict(input).confidence;
    expect(soft).toBeLessThan(sharp);
  });

  it('refuses inputs of the wrong size and unknown formats', () => {
    expect(() => linearHead([4, 0, 0, 0, 0, 0, 0, 4], [0, 0, 0, 0]).predict(Float32Array.from([1]))).toThrow('expects 2 inputs');
    expect(() => new GroupHead({ format: 'other' } as unknown as GroupHeadModel)).toThrow('Unknown head format');
  });
});

describe('trainGroupHead', () => {
  it('learns separable groups with tfjs and calibrates its confidence', async () => {
    const tf = await loadTf();
    const head = await trainGroupHead(tf, syntheticSamples(200, 1), syntheticSamples(80, 2), { hidden: 0, classBalance: 1, l2Candidates: [1e-3], epochs: 150, learningRate: 0.05, seed: 3 }, { version: 't', featureVersion: 't', seniorAge: 60, card: {} });
    const validation = syntheticSamples(80, 3);
    const correct = validation.filter((sample) => head.predict(sample.input).group === sample.group).length;
    expect(correct / validation.length).toBeGreaterThan(0.95);
    expect(head.model.temperature).toBeGreaterThan(0);
    expect(calibrateTemperature(new DenseNetwork(head.model), { inputs: validation.map((sample) => sample.input), labels: validation.map((sample) => FACE_GROUPS.indexOf(sample.group)) })).toBeGreaterThan(0);
  });
});
