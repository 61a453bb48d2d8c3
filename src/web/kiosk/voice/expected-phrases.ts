/**
 * What the offline recognizer listens for on each screen. The easy-mode dialog asks one thing at
 * a time, so each step chooses among a few kinds of phrases rather than the whole vocabulary.
 */
import type { KioskState } from '../../../domain/kiosk-flow';
import { LISTENING_SCREENS, type ListeningScreen, type PhraseKind } from '../../../voice/hearing/vocabulary';

const BY_PHASE: Partial<Record<KioskState['phase'], ListeningScreen>> = {
  browse: 'menu',
  review: 'menu',
  configure: 'dish',
  dining: 'question',
  payment: 'question',
};

export function expectedPhrases(state: KioskState, awaitingYesNo: boolean): ReadonlySet<PhraseKind> | undefined {
  const screen = awaitingYesNo ? 'question' : BY_PHASE[state.phase];
  return screen ? new Set(LISTENING_SCREENS[screen]) : undefined;
}
