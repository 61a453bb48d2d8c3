import { describe, expect, it } from 'vitest';
import { backoffMs, isRetryableStatus } from './retry';

describe('retry rules', () => {
  it('retries server trouble, never a refusal', () => {
    expect([500, 502, 503, 504, 408, 429].map(isRetryableStatus)).toEqual(Array(6).fill(true));
    expect([400, 402, 404, 409, 413].map(isRetryableStatus)).toEqual(Array(5).fill(false));
  });

  it('doubles the wait up to the ceiling, jittered within its upper half', () => {
    expect([0, 1, 2, 3].map((attempt) => backoffMs(attempt, 100, 1000, () => 1))).toEqual([100, 200, 400, 800]);
    expect(backoffMs(10, 100, 1000, () => 1)).toBe(1000);
    expect(backoffMs(3, 100, 1000, () => 0)).toBe(400);
    expect(backoffMs(1000, 100, 1000, () => 0.5)).toBe(750);
  });
});
