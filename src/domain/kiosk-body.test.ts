import { describe, expect, it } from 'vitest';
import { reachableShare } from './kiosk-body';

describe('reachableShare', () => {
  it('is the part of the panel between its bottom edge and the reach limit', () => {
    expect(reachableShare({ screenHeightMm: 708, screenBottomMm: 700, maxReachMm: 1200 })).toBeCloseTo(500 / 708, 6);
    expect(reachableShare({ screenHeightMm: 708, screenBottomMm: 900, maxReachMm: 1200 })).toBeCloseTo(300 / 708, 6);
  });

  it('is 1 for a panel wholly within reach and 0 for one mounted above it', () => {
    expect(reachableShare({ screenHeightMm: 476, screenBottomMm: 600, maxReachMm: 1200 })).toBe(1);
    expect(reachableShare({ screenHeightMm: 708, screenBottomMm: 1300, maxReachMm: 1200 })).toBe(0);
  });
});
