import { describe, expect, it } from 'vitest';
import type { FaceGroup } from '../../domain/customer-group';
import { metricsOf, type Decision } from './metrics';

const pairs = (rows: [FaceGroup, Decision, number][]) => rows.flatMap(([truth, decision, count]) => Array.from({ length: count }, () => ({ truth, decision })));

describe('metricsOf', () => {
  it('is perfect when every decision is right', () => {
    const metrics = metricsOf(pairs([['senior_male', 'senior_male', 2], ['general_female', 'general_female', 3], ['senior_female', 'senior_female', 1], ['general_male', 'general_male', 1]]));
    expect(metrics).toMatchObject({ n: 7, accuracy: 1, macroF1: 1, seniorRecall: 1, seniorPrecision: 1, genderAccuracy: 1 });
  });

  it('counts unknown and missed faces as wrong, and fills the unknown column', () => {
    const metrics = metricsOf(pairs([['senior_female', 'unknown', 1], ['senior_female', 'senior_female', 1], ['general_male', 'general_male', 2]]));
    expect(metrics.accuracy).toBe(0.75);
    expect(metrics.seniorRecall).toBe(0.5);
    expect(metrics.genderAccuracy).toBe(0.75);
    expect(metrics.confusion[1]).toEqual([0, 1, 0, 0, 1]);
  });

  it('computes senior recall and precision across genders, and per-group F1', () => {
    // 4 seniors: 2 right, 1 right age but wrong gender, 1 called general; 2 generals called senior.
    const metrics = metricsOf(
      pairs([
        ['senior_male', 'senior_male', 2],
        ['senior_male', 'senior_female', 1],
        ['senior_female', 'general_female', 1],
        ['general_male', 'senior_male', 2],
        ['general_male', 'general_male', 4],
      ]),
    );
    expect(metrics.seniorRecall).toBe(0.75);
    expect(metrics.seniorPrecision).toBe(3 / 5);
    // senior_male: precision 2/4, recall 2/3 → F1 4/7
    expect(metrics.perGroupF1.senior_male).toBeCloseTo(4 / 7, 10);
    expect(metrics.perGroupF1.senior_female).toBe(0);
  });
});
