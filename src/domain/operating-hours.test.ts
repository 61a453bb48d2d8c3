import { describe, expect, it } from 'vitest';
import { isOpenAt, localClock } from './operating-hours';

describe('operating hours', () => {
  it('is open from the opening minute up to, not including, the closing minute', () => {
    const day = { open: '08:00', close: '20:00' };
    expect(['07:59', '08:00', '12:30', '19:59', '20:00', '23:00'].map((time) => isOpenAt(day, time))).toEqual([false, true, true, true, false, false]);
  });

  it('runs past midnight when the close is before the open, and always when they are equal', () => {
    const night = { open: '18:00', close: '02:00' };
    expect(['17:59', '18:00', '23:59', '00:30', '01:59', '02:00', '12:00'].map((time) => isOpenAt(night, time))).toEqual([false, true, true, true, true, false, false]);
    expect(isOpenAt({ open: '00:00', close: '00:00' }, '03:00')).toBe(true);
  });

  it("reads the time of day on the store's clock", () => {
    expect(localClock(new Date('2026-11-29T23:30:00Z'), 'Asia/Seoul')).toBe('08:30');
  });
});
