import { toLineRequests } from '../../../domain/cart';
import type { KioskState } from '../../../domain/kiosk-flow';
import type { Menu } from '../../../domain/menu';
import { priceOrder } from '../../../domain/pricing';

/** What the cart costs now, priced by the same rules the server charges by. */
export function cartTotal(menu: Menu, state: KioskState): number {
  const priced = priceOrder(menu, toLineRequests(state.cart));
  return priced.ok ? priced.order.total : 0;
}
