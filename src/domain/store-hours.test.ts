import { describe, expect, it } from 'vitest';
import { isOpenOn, localMoment, nextOpening, type StoreHours } from './store-hours';

// 2026-12-07 is a Monday.
const week: StoreHours = {
  operatingHours: { open: '11:00', close: '21:00' },
  weekdayHours: [null, null, null, null, null, { open: '11:00', close: '02:00' }, null],
  closedWeekdays: [1],
  breakTime: { start: '15:00', end: '17:00' },
  closedDates: ['2026-12-25'],
};
const at = (date: string, clock: string) => ({ date, minutes: Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3)) });

describe('store hours', () => {
  it('is open in the day’s hours except the break', () => {
    expect(['10:59', '11:00', '14:59', '15:00', '16:59', '17:00', '20:59', '21:00'].map((clock) => isOpenOn(week, at('2026-12-08', clock)))).toEqual([false, true, true, false, false, true, true, false]);
  });

  it('keeps a weekday’s own hours, past midnight into the next day', () => {
    expect(isOpenOn(week, at('2026-12-11', '23:30'))).toBe(true);
    expect(isOpenOn(week, at('2026-12-12', '01:59'))).toBe(true);
    expect(isOpenOn(week, at('2026-12-12', '02:00'))).toBe(false);
  });

  it('stays closed on a closed weekday and a closed date', () => {
    expect(isOpenOn(week, at('2026-12-07', '12:00'))).toBe(false);
    expect(isOpenOn(week, at('2026-12-25', '12:00'))).toBe(false);
  });

  it('says when it opens next: after the break, tomorrow, or after closed days', () => {
    expect(nextOpening(week, at('2026-12-08', '15:30'))).toEqual(at('2026-12-08', '17:00'));
    expect(nextOpening(week, at('2026-12-08', '22:00'))).toEqual(at('2026-12-09', '11:00'));
    expect(nextOpening(week, at('2026-12-06', '21:30'))).toEqual(at('2026-12-08', '11:00'));
    expect(nextOpening(week, at('2026-12-24', '21:30'))).toEqual(at('2026-12-26', '11:00'));
    expect(nextOpening({ ...week, closedWeekdays: [0, 1, 2, 3, 4, 5, 6] }, at('2026-12-08', '12:00'))).toBeNull();
  });

  it('reads the date and time on the store’s clock', () => {
    expect(localMoment(new Date('2026-12-07T15:30:00Z'), 'Asia/Seoul')).toEqual(at('2026-12-08', '00:30'));
  });
});
