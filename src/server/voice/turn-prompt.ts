/**
 * whisper's initial prompt for a kiosk turn: the words a customer here says, so the decoder leans
 * to "김치찌개" rather than a homophone. whisper.cpp keeps only the prompt's last tokens (half its
 * text window), so the dish names go last and the whole is kept short.
 */
import type { Menu } from '../../domain/menu';
import { vocabularyOf, type PhraseKind } from '../../voice/hearing/vocabulary';

/** Enough for a menu's names and the commands, well inside the half window (~224 tokens). */
export const MAX_PROMPT_CHARS = 300;

/** Quantities are many ("두 그릇", "세 잔"…) and easy for whisper; they would crowd out the dishes. */
const PROMPT_ORDER: PhraseKind[] = ['command', 'option', 'item'];

export function turnPrompt(menu: Menu): string {
  const phrases = vocabularyOf(menu);
  const words = PROMPT_ORDER.flatMap((kind) => phrases.filter((phrase) => phrase.kind === kind).map((phrase) => phrase.text));
  const prompt = words.join(', ');
  if (prompt.length <= MAX_PROMPT_CHARS) return prompt;
  // Too long: drop from the front (commands first), whole words only.
  const tail = prompt.slice(prompt.length - MAX_PROMPT_CHARS);
  return tail.slice(tail.indexOf(', ') + 2);
}
