/** The held-out synthetic set a test shrinks stays spread over the whole vocabulary. */
import { describe, expect, it } from 'vitest';
import { spreadOver } from './adapt-to-store';

describe('spreadOver', () => {
  const items = Array.from({ length: 10 }, (_, index) => index);

  it('takes evenly spaced items from the first', () => {
    expect(spreadOver(items, 4)).toEqual([0, 2, 5, 7]);
    expect(spreadOver(items, 1)).toEqual([0]);
  });

  it('takes all of them when asked for as many or more', () => {
    expect(spreadOver(items, 10)).toEqual(items);
    expect(spreadOver(items, Number.POSITIVE_INFINITY)).toEqual(items);
  });
});
