/** Times of day with their own tastes, in the store's local hours (lunch is not dinner). */

export const DAYPARTS = ['morning', 'lunch', 'afternoon', 'evening', 'night'] as const;
export type Daypart = (typeof DAYPARTS)[number];

/** Local hour (0–23) → part of the day: morning 5–10, lunch 11–13, afternoon 14–16, evening 17–20, night 21–4. */
export function daypartOf(hour: number): Daypart {
  if (hour >= 5 && hour < 11) return 'morning';
  if (hour >= 11 && hour < 14) return 'lunch';
  if (hour >= 14 && hour < 17) return 'afternoon';
  if (hour >= 17 && hour < 21) return 'evening';
  return 'night';
}
