/** "How long ago" on the store's screens: a clock that ticks twice a minute, and the words for it. */
import { useEffect, useState } from 'react';

export function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function minutesSince(iso: string, now: number): number {
  return Math.max(0, Math.floor((now - new Date(iso).getTime()) / 60_000));
}

export function minutesAgo(iso: string, now: number): string {
  const minutes = minutesSince(iso, now);
  return minutes === 0 ? '방금 · just now' : `${minutes}분 전 · ${minutes} min ago`;
}
