/** Korean quantities as customers say them: native (두 개), Sino-Korean (이 인분) and digits (2잔), with counters. */

const NATIVE: Record<string, number> = {
  하나: 1, 한: 1, 둘: 2, 두: 2, 셋: 3, 세: 3, 석: 3, 넷: 4, 네: 4, 다섯: 5, 여섯: 6, 일곱: 7, 여덟: 8, 아홉: 9, 열: 10,
};
const SINO: Record<string, number> = { 일: 1, 이: 2, 삼: 3, 사: 4, 오: 5, 육: 6, 칠: 7, 팔: 8, 구: 9, 십: 10 };
/** Native words that are a number even without a counter ("콜라 하나", "둘이요"). */
const STANDALONE = ['하나', '둘', '셋', '넷', '다섯', '여섯', '일곱', '여덟', '아홉', '열'];
export const COUNTERS = ['개', '잔', '그릇', '인분', '병', '접시', '캔'];

const byLength = (words: string[]) => [...words].sort((a, b) => b.length - a.length);
const NUMBER_WORD = `\\d{1,2}|${byLength([...Object.keys(NATIVE), ...Object.keys(SINO)]).join('|')}`;
/** A number with a counter, or a standalone native number, or bare digits. */
const QUANTITY = new RegExp(`(${NUMBER_WORD})(${byLength(COUNTERS).join('|')})|(${byLength(STANDALONE).join('|')})|(\\d{1,2})`, 'g');

export type QuantityMention = { value: number; start: number; end: number; withCounter: boolean };

function valueOf(word: string): number {
  if (/^\d+$/.test(word)) return Number(word);
  return NATIVE[word] ?? SINO[word] ?? 0;
}

/** Every quantity in a text with its position (the text has no spaces; taken parts are masked). */
export function findQuantities(compact: string): QuantityMention[] {
  const found: QuantityMention[] = [];
  for (const match of compact.matchAll(QUANTITY)) {
    const [whole, counted, , standalone, digits] = match;
    const word = counted ?? standalone ?? digits ?? '';
    const value = valueOf(word);
    if (value > 0) found.push({ value, start: match.index, end: match.index + whole.length, withCounter: counted !== undefined });
  }
  return found;
}
