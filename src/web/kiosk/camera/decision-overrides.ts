/**
 * The customer's weak label on a camera decision, read from what they do with the mode: leaving
 * easy mode soon after the camera switched to it (`left_easy`), or switching to it by hand after
 * the camera saw a general adult (`chose_easy`). One label per decision; a new customer starts afresh.
 */
import type { DecisionOverrideRequest } from '../../../contracts/http';
import type { CustomerGroup, UiMode } from '../../../domain/order-rules';

export type DecisionOverride = DecisionOverrideRequest['override'];

/** Leaving easy mode later than this is a change of mind about the order, not about the camera. */
export const LEFT_EASY_WITHIN_MS = 20_000;

type Watched<Id> = { id: Id; group: CustomerGroup; switchedAt: number | null; labelled: boolean };

export class DecisionOverrides<Id> {
  private current: Watched<Id> | null = null;

  /** The camera decided (and was logged as `id`); the customer in front of it is this decision's. */
  decided(id: Id, group: CustomerGroup): void {
    this.current = { id, group, switchedAt: null, labelled: false };
  }

  /** The camera switched to easy mode for the current decision. */
  switchedToEasy(at: number): void {
    if (this.current) this.current.switchedAt = at;
  }

  /** The mode changed; answers the decision and its label when the change contradicts the camera. */
  modeChanged(from: UiMode, to: UiMode, at: number): { id: Id; override: DecisionOverride } | null {
    const current = this.current;
    if (!current || current.labelled || from === to) return null;
    const override = overrideOf(current, to, at);
    if (!override) return null;
    current.labelled = true;
    return { id: current.id, override };
  }

  /** The customer left or the kiosk started over: later mode changes are someone else's. */
  forget(): void {
    this.current = null;
  }
}

function overrideOf(watched: Watched<unknown>, to: UiMode, at: number): DecisionOverride | null {
  if (to === 'standard' && watched.switchedAt !== null && at - watched.switchedAt <= LEFT_EASY_WITHIN_MS) return 'left_easy';
  // The camera only switches for seniors, so easy mode after a general decision was the customer's own choice.
  if (to === 'easy' && watched.group.startsWith('general_')) return 'chose_easy';
  return null;
}
