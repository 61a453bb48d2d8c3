/**
 * The kiosk's ordering flow as a pure state machine. Screens render a state and send events;
 * the flow alone decides what comes next. Both modes share one state, so switching between
 * standard and easy mode mid-order keeps the cart and the item being chosen.
 */
import { addToCart, EMPTY_CART, removeLine, setLineQuantity, clampQuantity, type Cart } from './cart';
import { defaultOptions, findItem, type Menu } from './menu';
import type { LineRequest } from './pricing';
import type { CustomerGroup, DiningOption, UiMode } from './order-rules';

export type Phase = 'welcome' | 'browse' | 'configure' | 'review' | 'dining' | 'payment' | 'done';

/** The item being chosen. In easy mode `question` walks its option groups, then the quantity. */
export type Draft = { itemId: string; options: Record<string, string>; quantity: number; question: number };

/**
 * What the done screen shows: the number the customer is called by (the server's, or the kiosk's own
 * for an order taken offline), and whether the total is still to be paid at the counter.
 */
export type PlacedOrder = { callNumber: string; total: number; payAtCounter: boolean };

export type KioskState = {
  phase: Phase;
  mode: UiMode;
  cart: Cart;
  categoryId: string;
  draft: Draft | null;
  diningOption: DiningOption | null;
  placedOrder: PlacedOrder | null;
  /** The camera's decision about the customer in front of the kiosk; stored on the order. */
  customerGroup: CustomerGroup;
  /** Whether the customer ordered by voice at all this time, for the console's analytics. */
  usedVoice: boolean;
};

export type KioskEvent =
  | { type: 'start'; mode: UiMode }
  | { type: 'set_mode'; mode: UiMode }
  | { type: 'choose_category'; categoryId: string }
  | { type: 'choose_item'; itemId: string }
  | { type: 'choose_option'; groupId: string; valueId: string }
  | { type: 'set_draft_quantity'; quantity: number }
  | { type: 'next_question' }
  | { type: 'add_draft' }
  | { type: 'add_lines'; lines: LineRequest[] }
  | { type: 'remove_item'; itemId: string }
  | { type: 'set_line_quantity'; key: string; quantity: number }
  | { type: 'remove_line'; key: string }
  | { type: 'review' }
  | { type: 'browse' }
  | { type: 'checkout' }
  | { type: 'choose_dining'; diningOption: DiningOption }
  | { type: 'paid'; order: PlacedOrder }
  | { type: 'back' }
  | { type: 'customer_seen'; group: CustomerGroup }
  | { type: 'customer_left' }
  | { type: 'voice_understood' }
  | { type: 'reset' };

/** Easy mode promises at most this many steps to pay, with progress shown. */
export const EASY_STEP_COUNT = 4;

export function initialKioskState(menu: Menu): KioskState {
  return {
    phase: 'welcome',
    mode: 'standard',
    cart: EMPTY_CART,
    categoryId: menu.categories[0]?.id ?? '',
    draft: null,
    diningOption: null,
    placedOrder: null,
    customerGroup: 'unknown',
    usedVoice: false,
  };
}

/** Which of the easy-mode steps a phase belongs to (1-based), or null outside the steps. */
export function easyStepOf(phase: Phase): number | null {
  switch (phase) {
    case 'browse':
    case 'configure':
      return 1;
    case 'review':
      return 2;
    case 'dining':
      return 3;
    case 'payment':
      return 4;
    default:
      return null;
  }
}

/** How many questions an item asks in easy mode: one per option group, then how many. */
export function questionCount(menu: Menu, itemId: string): number {
  return (findItem(menu, itemId)?.optionGroupIds.length ?? 0) + 1;
}

export function reduceKiosk(state: KioskState, event: KioskEvent, menu: Menu): KioskState {
  switch (event.type) {
    case 'start':
      return { ...initialKioskState(menu), customerGroup: state.customerGroup, mode: event.mode, phase: 'browse' };
    case 'set_mode':
      return { ...state, mode: event.mode, draft: state.draft ? { ...state.draft, question: 0 } : null };
    case 'choose_category':
      return { ...state, categoryId: event.categoryId, phase: state.phase === 'welcome' ? 'browse' : state.phase };
    case 'choose_item': {
      const item = findItem(menu, event.itemId);
      if (!item || item.soldOut) return state;
      return {
        ...state,
        phase: 'configure',
        draft: { itemId: item.id, options: defaultOptions(menu, item), quantity: 1, question: 0 },
      };
    }
    case 'choose_option':
      if (!state.draft) return state;
      return { ...state, draft: { ...state.draft, options: { ...state.draft.options, [event.groupId]: event.valueId } } };
    case 'set_draft_quantity':
      if (!state.draft) return state;
      return { ...state, draft: { ...state.draft, quantity: clampQuantity(event.quantity) } };
    case 'next_question': {
      if (!state.draft) return state;
      const last = questionCount(menu, state.draft.itemId) - 1;
      return { ...state, draft: { ...state.draft, question: Math.min(last, state.draft.question + 1) } };
    }
    case 'add_draft': {
      if (!state.draft) return state;
      const cart = addToCart(state.cart, state.draft);
      // Easy mode asks "anything else?" after each item; standard mode returns to the menu.
      return { ...state, cart, draft: null, phase: state.mode === 'easy' ? 'review' : 'browse' };
    }
    case 'add_lines': {
      // Several dishes at once (said by voice, confirmed): options not said take their defaults.
      const cart = event.lines.reduce((current, line) => {
        const item = findItem(menu, line.itemId);
        return item && !item.soldOut ? addToCart(current, { ...line, options: { ...defaultOptions(menu, item), ...line.options } }) : current;
      }, state.cart);
      return { ...state, cart, draft: null, phase: state.mode === 'easy' ? 'review' : state.phase === 'welcome' ? 'browse' : state.phase };
    }
    case 'remove_item':
      return withSmallerCart(state, state.cart.filter((line) => line.itemId !== event.itemId));
    case 'set_line_quantity':
      return { ...state, cart: setLineQuantity(state.cart, event.key, event.quantity) };
    case 'remove_line':
      return withSmallerCart(state, removeLine(state.cart, event.key));
    case 'review':
      return { ...state, phase: 'review', draft: null };
    case 'browse':
      return { ...state, phase: 'browse', draft: null };
    case 'checkout':
      return state.cart.length === 0 ? state : { ...state, phase: 'dining', draft: null };
    case 'choose_dining':
      return state.cart.length === 0 ? state : { ...state, diningOption: event.diningOption, phase: 'payment' };
    case 'paid':
      return { ...state, phase: 'done', placedOrder: event.order, cart: EMPTY_CART, draft: null };
    case 'back':
      return goBack(state);
    case 'customer_seen':
      return { ...state, customerGroup: event.group };
    case 'customer_left':
      // Nobody is choosing any more: the welcome screen goes back to its everyday look.
      return { ...state, customerGroup: 'unknown', mode: state.phase === 'welcome' ? 'standard' : state.mode };
    case 'voice_understood':
      return state.usedVoice ? state : { ...state, usedVoice: true };
    case 'reset':
      return initialKioskState(menu);
  }
}

/** An emptied cart cannot be paid for: the customer goes back to choosing. */
function withSmallerCart(state: KioskState, cart: Cart): KioskState {
  const emptied = cart.length === 0 && (state.phase === 'dining' || state.phase === 'payment');
  return { ...state, cart, phase: emptied ? 'browse' : state.phase };
}

function goBack(state: KioskState): KioskState {
  switch (state.phase) {
    case 'configure':
      if (state.draft && state.draft.question > 0 && state.mode === 'easy') {
        return { ...state, draft: { ...state.draft, question: state.draft.question - 1 } };
      }
      return { ...state, phase: 'browse', draft: null };
    case 'browse':
      // Back from the dish list: to the order so far, or, with nothing chosen, to the first screen.
      return { ...state, phase: state.cart.length > 0 ? 'review' : 'welcome' };
    case 'review':
      return { ...state, phase: 'browse' };
    case 'dining':
      return { ...state, phase: 'review' };
    case 'payment':
      return { ...state, phase: 'dining' };
    default:
      return state;
  }
}
