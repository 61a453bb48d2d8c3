/** Opening hours as the console sets them ("08:00"–"20:00"); a close before the open means past midnight. */
export type OperatingHours = { open: string; close: string };

const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** Whether the store is open at a local time of day ("HH:MM"). Equal open and close means always open. */
export function isOpenAt(hours: OperatingHours, localTime: string): boolean {
  const [open, close, now] = [minutesOf(hours.open), minutesOf(hours.close), minutesOf(localTime)];
  if (open === close) return true;
  return open < close ? now >= open && now < close : now >= open || now < close;
}

/** "HH:MM" in a time zone. */
export function localClock(moment: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(moment);
}
