import { CartLines } from '../../components/CartLines';
import { OrderedTogether } from '../../recommend/Recommended';
import { cartTotal } from '../../state/cart-total';
import { useKiosk } from '../../state/kiosk-context';

/** Standard mode: review the order, change it, then go on to pay. */
export function CartScreen() {
  const { state, send, menu, t } = useKiosk();
  const empty = state.cart.length === 0;
  return (
    <section className="screen cart-screen" aria-labelledby="cart-title">
      <h1 id="cart-title">{t.cart.title}</h1>
      {empty ? <p className="screen-lead">{t.cart.empty}</p> : <CartLines />}
      <OrderedTogether pictureSize={110} />
      <p className="cart-total">
        <span>{t.cart.total}</span> <strong>{t.won(cartTotal(menu, state))}</strong>
      </p>
      <div className="screen-actions">
        <button type="button" className="action" onClick={() => send({ type: 'browse' })}>
          {t.cart.addMore}
        </button>
        <button type="button" className="action primary" disabled={empty} onClick={() => send({ type: 'checkout' })}>
          {t.cart.order}
        </button>
      </div>
    </section>
  );
}
