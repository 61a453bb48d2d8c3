/**
 * What the kiosk does with what it heard, given the screen it is on. Anything that changes the
 * cart is asked back first ("김치찌개 2개 담을까요?"); answering a question on screen happens at once.
 */
import { questionCount, type KioskEvent, type KioskState } from '../../../domain/kiosk-flow';
import { findItem, type Menu } from '../../../domain/menu';
import type { Intent } from '../../../voice/understanding/intents';
import type { Language } from '../i18n/i18n';
import type { Messages } from '../i18n/messages.ko';

export type VoicePlan = {
  /** Sent at once. */
  now: KioskEvent[];
  /** Sent only after a yes, with the question to ask. */
  confirm: { question: string; events: KioskEvent[] } | null;
  /** Said when nothing else is: why nothing happened. */
  say: string | null;
  action: 'call_staff' | 'repeat' | null;
};

const plan = (part: Partial<VoicePlan>): VoicePlan => ({ now: [], confirm: null, say: null, action: null, ...part });

export function planFor(intents: Intent[], state: KioskState, menu: Menu, t: Messages, language: Language): VoicePlan {
  const nameOf = (itemId: string) => findItem(menu, itemId)?.[language] ?? itemId;
  const adds = intents.filter((intent) => intent.type === 'add');
  const first = intents[0];
  if (!first || first.type === 'unknown') return plan({ say: t.voice.notUnderstood });

  // Easy mode asks one thing at a time: one dish said is the answer to "what would you like?".
  if (state.mode === 'easy' && adds.length === 1 && (state.phase === 'browse' || state.phase === 'review')) {
    const [add] = adds;
    const options = Object.entries(add!.options).map(([groupId, valueId]): KioskEvent => ({ type: 'choose_option', groupId, valueId }));
    return plan({ now: [{ type: 'choose_item', itemId: add!.itemId }, ...options, { type: 'set_draft_quantity', quantity: add!.quantity }] });
  }
  if (adds.length > 0) {
    const list = adds.map((add) => `${nameOf(add.itemId)} ${t.pieces(add.quantity)}`).join(', ');
    return plan({ confirm: { question: t.voice.confirmAdd(list), events: [{ type: 'add_lines', lines: adds.map(({ itemId, quantity, options }) => ({ itemId, quantity, options })) }] } });
  }
  switch (first.type) {
    case 'remove':
      return plan({ confirm: { question: t.voice.confirmRemove(nameOf(first.itemId)), events: [{ type: 'remove_item', itemId: first.itemId }] } });
    case 'quantity':
      if (state.phase !== 'configure' || !state.draft) return plan({ say: t.voice.notNow });
      return plan({
        now: [{ type: 'set_draft_quantity', quantity: first.quantity }],
        confirm: { question: t.voice.confirmQuantity(nameOf(state.draft.itemId), first.quantity), events: [{ type: 'add_draft' }] },
      });
    case 'option':
      if (state.phase !== 'configure' || !state.draft) return plan({ say: t.voice.notNow });
      return plan({
        now: [
          ...Object.entries(first.options).map(([groupId, valueId]): KioskEvent => ({ type: 'choose_option', groupId, valueId })),
          ...(state.mode === 'easy' && state.draft.question < questionCount(menu, state.draft.itemId) - 1 ? [{ type: 'next_question' } as const] : []),
        ],
      });
    case 'checkout':
      return state.cart.length > 0 ? plan({ now: [{ type: 'checkout' }] }) : plan({ say: t.voice.notNow });
    case 'dine_in':
    case 'takeout':
      if (state.phase !== 'dining') return plan({ say: t.voice.notNow });
      return plan({ now: [{ type: 'choose_dining', diningOption: first.type }] });
    case 'yes':
      // "Anything else?" — yes, more.
      return state.phase === 'review' ? plan({ now: [{ type: 'browse' }] }) : plan({ say: t.voice.notNow });
    case 'no':
      return state.phase === 'review' && state.cart.length > 0 ? plan({ now: [{ type: 'checkout' }] }) : plan({ say: t.voice.notNow });
    case 'restart':
      return state.cart.length > 0 ? plan({ confirm: { question: t.voice.confirmRestart, events: [{ type: 'reset' }] } }) : plan({ now: [{ type: 'reset' }] });
    case 'call_staff':
      return plan({ action: 'call_staff' });
    case 'repeat':
      return plan({ action: 'repeat' });
    default:
      return plan({ say: t.voice.notUnderstood });
  }
}

/**
 * What to do with an utterance the recognizer is not sure of: never anything to the cart. At a
 * question (its buttons are on screen) the question is asked once more, then the kiosk waits
 * quietly; elsewhere a doubtful phrase is only shown, and what was not a phrase at all (talk
 * nearby, clatter: empty text) is ignored, so people talking do not make the kiosk talk.
 */
export function planForDoubt(text: string, question: string | null, askedAgain: boolean, t: Messages): { say: string | null; message: string | null } {
  if (question !== null) return askedAgain ? { say: null, message: null } : { say: `${t.voice.askAgain} ${question}`, message: t.voice.askAgain };
  return { say: null, message: text ? t.voice.notUnderstood : null };
}
