/**
 * What the kiosk says on each screen: one function, so every screen has speakable words. Easy mode
 * says the state too (what is chosen now, what is in the cart), so a prompt heard alone is enough.
 */
import { itemCount } from '../../../domain/cart';
import { questionCount, type KioskState } from '../../../domain/kiosk-flow';
import { findItem, optionGroupsOf, type Menu } from '../../../domain/menu';
import { nameIn, type Language } from '../i18n/i18n';
import type { Messages } from '../i18n/messages.ko';
import { cartTotal } from '../state/cart-total';

/** What the closed screen says: no ordering now, come back in opening hours (the screen shows when). */
export function closedPrompt(t: Messages): string {
  return `${t.closed.title}. ${t.closed.thanks}`;
}

/** `counterPayment`: the payment screen also offers paying at the counter, so it says so. */
export function screenPrompt(state: KioskState, menu: Menu, t: Messages, language: Language, counterPayment = false): string {
  const easy = state.mode === 'easy';
  const cartState = easy && state.cart.length > 0 ? t.easy.cartState(itemCount(state.cart), t.won(cartTotal(menu, state))) : null;
  // While choosing, the cart and the way to pay; later, only the cart.
  const withCart = (prompt: string) => (cartState ? `${prompt} ${cartState} ${t.easy.orderHint}` : prompt);
  switch (state.phase) {
    case 'welcome':
      return t.welcome.prompt;
    case 'browse':
      return easy ? withCart(t.easy.pickPrompt) : t.menu.prompt;
    case 'configure': {
      const item = state.draft ? findItem(menu, state.draft.itemId) : undefined;
      if (!item || !state.draft) return '';
      const name = nameIn(language, item);
      if (!easy) return t.item.prompt(name);
      const group = optionGroupsOf(menu, item)[state.draft.question];
      const isQuantity = state.draft.question >= questionCount(menu, item.id) - 1;
      if (isQuantity || !group) return withCart(`${t.easy.quantityQuestion(name)} ${t.easy.quantityNow(state.draft.quantity)}`);
      const chosen = group.values.find((value) => value.id === state.draft?.options[group.id]);
      const question = t.easy.optionQuestion(nameIn(language, group));
      return withCart(chosen ? `${question} ${t.easy.optionNow(nameIn(language, chosen))}` : question);
    }
    case 'review':
      return easy ? t.easy.morePrompt(itemCount(state.cart), t.won(cartTotal(menu, state))) : t.cart.prompt(t.won(cartTotal(menu, state)));
    case 'dining':
      return cartState ? `${t.dining.prompt} ${cartState}` : t.dining.prompt;
    case 'payment':
      return t.payment.prompt(t.won(cartTotal(menu, state)), counterPayment);
    case 'done':
      return state.placedOrder ? t.done.prompt(state.placedOrder.callNumber, state.placedOrder.payAtCounter ? t.won(state.placedOrder.total) : null) : '';
  }
}
