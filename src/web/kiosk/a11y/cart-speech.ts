/** What the cart key says: each dish with its options and count, then how many and the total. */
import { itemCount } from '../../../domain/cart';
import type { KioskState } from '../../../domain/kiosk-flow';
import { findItem, type Menu } from '../../../domain/menu';
import { describeOptions, nameIn, type Language } from '../i18n/i18n';
import type { Messages } from '../i18n/messages.ko';
import { cartTotal } from '../state/cart-total';

export function cartSpeech(state: KioskState, menu: Menu, t: Messages, language: Language): string {
  if (state.cart.length === 0) return t.a11y.cartEmpty;
  const lines = state.cart.map((line) => {
    const item = findItem(menu, line.itemId);
    const options = describeOptions(menu, language, line.options);
    const name = item ? nameIn(language, item) : line.itemId;
    return t.a11y.cartLine(options ? `${name} ${options}` : name, line.quantity);
  });
  return `${lines.join(', ')}. ${t.a11y.cartTotal(itemCount(state.cart), t.won(cartTotal(menu, state)))}`;
}
