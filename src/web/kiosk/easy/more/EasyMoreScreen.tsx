import { CartLines } from '../../components/CartLines';
import { cartTotal } from '../../state/cart-total';
import { useKiosk } from '../../state/kiosk-context';

/** Easy mode, step 2: "anything else?", with the order so far to check. */
export function EasyMoreScreen() {
  const { state, send, menu, t } = useKiosk();
  const empty = state.cart.length === 0;
  return (
    <section className="screen easy-more" aria-labelledby="easy-more-title">
      <h1 id="easy-more-title">{t.easy.moreQuestion}</h1>
      <div className="big-choices">
        <button type="button" className="big-choice" onClick={() => send({ type: 'browse' })}>
          <span className="big-choice-title">{t.easy.moreYes}</span>
        </button>
        <button type="button" className="big-choice primary" disabled={empty} onClick={() => send({ type: 'checkout' })}>
          <span className="big-choice-title">{t.easy.moreNo}</span>
        </button>
      </div>
      <h2>{t.easy.inCart}</h2>
      {empty ? <p>{t.cart.empty}</p> : <CartLines />}
      <p className="cart-total">
        <span>{t.cart.total}</span> <strong>{t.won(cartTotal(menu, state))}</strong>
      </p>
    </section>
  );
}
