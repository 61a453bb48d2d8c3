/**
 * What the offline recognizer listens for on each screen. The easy-mode dialog asks one thing at
 * a time, so each step chooses among a few kinds of phrases rather than the whole vocabulary.
 */
import type { KioskState } from '../../../domain/kiosk-flow';
import type { PhraseKind } from '../../../voice/hearing/vocabulary';

const BY_PHASE: Partial<Record<KioskState['phase'], PhraseKind[]>> = {
  browse: ['item', 'command'],
  review: ['item', 'command'],
  configure: ['quantity', 'option', 'command'],
  dining: ['command'],
  payment: ['command'],
};

export function expectedPhrases(state: KioskState, awaitingYesNo: boolean): ReadonlySet<PhraseKind> | undefined {
  if (awaitingYesNo) return new Set(['command']);
  const kinds = BY_PHASE[state.phase];
  return kinds ? new Set(kinds) : undefined;
}
