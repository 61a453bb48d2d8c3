import { describe, expect, it } from 'vitest';
import { percentile } from './percentile';

describe('percentile', () => {
  it('takes the nearest rank of the sorted values', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 0.5)).toBe(6);
    expect(percentile(values, 0.9)).toBe(10);
    expect(percentile(values, 1)).toBe(10);
    expect(percentile([], 0.5)).toBeNaN();
  });
});
