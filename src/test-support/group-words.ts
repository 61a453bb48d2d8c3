/**
 * Words that would tell customers whom the camera took them for: an age, an age group, a sex, or
 * "more than others" of a group. None may be shown or said on the kiosk (tests look for them).
 */
export const CUSTOMER_GROUP_WORDS =
  /노인|시니어|어르신|고령|[1-9]0대|\d+\s*세\s*(이상|미만)|남성|여성|남자|여자|배 더|\bseniors?\b|\belderly\b|\bmale\b|\bfemale\b|\bmen\b|\bwomen\b|\bages?\b|\baged\b|\d0\+|times more|× more/i;

/** Each group word found in the text, for a failure message that says what was shown. */
export function groupWordsIn(text: string): string[] {
  return [...text.matchAll(new RegExp(CUSTOMER_GROUP_WORDS.source, 'gi'))].map((match) => match[0]);
}
