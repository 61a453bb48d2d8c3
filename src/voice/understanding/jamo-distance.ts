/** How far apart two Korean words sound, counted in jamo: 김치찌게 is one step from 김치찌개. */
import { disassemble } from 'es-hangul';

export function jamoOf(text: string): string {
  return disassemble(text);
}

/** Levenshtein distance over sequences: jamo strings, or lists of words (two rows, no allocation per cell). */
export function editDistance(a: ArrayLike<string>, b: ArrayLike<string>): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}
