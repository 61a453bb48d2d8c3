import { itemCount } from '../../../domain/cart';
import { cartTotal } from '../state/cart-total';
import { useKiosk } from '../state/kiosk-context';

/**
 * Easy mode's cart, on every ordering screen: "담은 메뉴 2개 · 20,000원" (a tap shows the order)
 * and, while choosing, a big "주문할게요", so paying is always one tap away once anything is chosen.
 */
export function EasyCartBar() {
  const { state, send, menu, t } = useKiosk();
  const count = itemCount(state.cart);
  const choosing = state.phase === 'browse' || state.phase === 'configure';
  const summary = count > 0 ? t.menu.cartSummary(count, t.won(cartTotal(menu, state))) : t.menu.emptyCart;
  return (
    <section className="easy-cart-bar" aria-label={t.easy.inCart}>
      {choosing && count > 0 ? (
        <button type="button" className="action easy-cart-summary" onClick={() => send({ type: 'review' })}>
          {summary}
        </button>
      ) : (
        <p className="easy-cart-summary">{summary}</p>
      )}
      {choosing && count > 0 && (
        <button type="button" className="action primary easy-order" onClick={() => send({ type: 'checkout' })}>
          {t.easy.order}
        </button>
      )}
    </section>
  );
}
