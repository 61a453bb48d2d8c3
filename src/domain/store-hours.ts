/**
 * A store's week: usual hours, other hours on some weekdays, regular closed weekdays (정기 휴무),
 * closed dates (holidays), and a break time (브레이크 타임) inside the day. Worked out on the
 * store's wall clock (dates and minutes), so it runs the same in the browser and on the server.
 */
import { type OperatingHours } from './operating-hours';

export type BreakTime = { start: string; end: string };

export type StoreHours = {
  /** Every day's hours unless the weekday has its own; a close before the open runs past midnight. */
  operatingHours: OperatingHours;
  /** Index 0 is Sunday … 6 Saturday; null: the usual hours. */
  weekdayHours: (OperatingHours | null)[];
  /** Weekdays the store is always closed (0 Sunday … 6 Saturday). */
  closedWeekdays: number[];
  breakTime: BreakTime | null;
  /** Local dates (YYYY-MM-DD) the store stays closed. */
  closedDates: string[];
};

/** A moment on the store's clock. */
export type LocalMoment = { date: string; minutes: number };

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const DAY_MS = 86_400_000;

/** The day before or after a local date, and its weekday (date arithmetic in UTC, where days do not shift). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}
export const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/** The hours the store keeps on a local date, or null when it is closed that day. */
export function hoursOn(hours: StoreHours, date: string): OperatingHours | null {
  const weekday = weekdayOf(date);
  if (hours.closedDates.includes(date) || hours.closedWeekdays.includes(weekday)) return null;
  return hours.weekdayHours[weekday] ?? hours.operatingHours;
}

/** Open at a moment of the store's clock: in the day's hours (or last night's, past midnight) and not in the break. */
export function isOpenOn(hours: StoreHours, { date, minutes }: LocalMoment): boolean {
  const yesterday = hoursOn(hours, addDays(date, -1));
  if (yesterday && minutesOf(yesterday.close) < minutesOf(yesterday.open) && minutes < minutesOf(yesterday.close)) return true;
  const today = hoursOn(hours, date);
  if (!today) return false;
  const [open, close] = [minutesOf(today.open), minutesOf(today.close)];
  const inHours = open === close || (open < close ? minutes >= open && minutes < close : minutes >= open);
  const inBreak = hours.breakTime !== null && minutes >= minutesOf(hours.breakTime.start) && minutes < minutesOf(hours.breakTime.end);
  return inHours && !inBreak;
}

/** How far ahead the closed screen looks for the next opening (a store closed longer says nothing). */
const LOOK_AHEAD_DAYS = 31;

/** When the store next opens after a closed moment: a day's opening or the end of the break. */
export function nextOpening(hours: StoreHours, now: LocalMoment): LocalMoment | null {
  for (let offset = 0; offset <= LOOK_AHEAD_DAYS; offset += 1) {
    const date = addDays(now.date, offset);
    const day = hoursOn(hours, date);
    if (!day) continue;
    const candidates = [minutesOf(day.open), ...(hours.breakTime ? [minutesOf(hours.breakTime.end)] : [])].sort((a, b) => a - b);
    for (const minutes of candidates) {
      const later = offset > 0 || minutes > now.minutes;
      if (later && isOpenOn(hours, { date, minutes })) return { date, minutes };
    }
  }
  return null;
}

/** The store's clock at a moment: its local date and minutes since midnight. */
export function localMoment(moment: Date, timeZone: string): LocalMoment {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(moment)
      .map((part) => [part.type, part.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

export const clockOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
