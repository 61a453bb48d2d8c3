import { describe, expect, it } from 'vitest';
import { DailyCounts } from './daily-counts';

describe('DailyCounts', () => {
  // Row 0 at lunch (part 1) on day 100, then row 0 at lunch and in the evening (part 3) on day 102, with item 40 past the first width.
  const counts = new DailyCounts(2);
  counts.add(0, 1, 100, [0, 1]);
  counts.add(0, 1, 102, [1, 40]);
  counts.add(0, 3, 102, [1]);

  it('weighs each day 2^(−age/half-life) before the latest day, keeping counts across a widening', () => {
    const [, lunch] = counts.snapshot(41, { halfLifeDays: 2, historyDays: null, dayparts: true });
    expect([lunch!.counts[0], lunch!.counts[1], lunch!.counts[40]]).toEqual([0.5, 1.5, 1]);
    expect(lunch!.total).toBe(0.5 * 2 + 2);
    expect(lunch!.sumOfSquaredWeights).toBe(0.25 * 2 + 2);
  });

  it('counts only the last days when given a window, and sums the parts of the day when they are off', () => {
    const [allDay, otherRow] = counts.snapshot(41, { halfLifeDays: null, historyDays: 2, dayparts: false });
    expect([allDay!.counts[0], allDay!.counts[1], allDay!.counts[40]]).toEqual([0, 2, 1]);
    expect(allDay!.total).toBe(3);
    expect(otherRow!.total).toBe(0);
  });
});
