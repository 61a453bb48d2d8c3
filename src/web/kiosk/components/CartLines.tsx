import { useKiosk } from '../state/kiosk-context';
import { describeOptions } from '../i18n/i18n';
import { priceOrder } from '../../../domain/pricing';
import { QuantityStepper } from './QuantityStepper';

/** The order so far, line by line, with quantity and removal; used by both modes' review screens. */
export function CartLines() {
  const { state, send, menu, language, t } = useKiosk();
  return (
    <ul className="cart-lines">
      {state.cart.map((line) => {
        const priced = priceOrder(menu, [line]);
        if (!priced.ok) return null;
        const [pricedLine] = priced.order.lines;
        if (!pricedLine) return null;
        const name = pricedLine.item[language];
        const options = describeOptions(menu, language, line.options);
        return (
          <li key={line.key} className="cart-line" data-item-id={line.itemId}>
            <div className="cart-line-text">
              <p className="cart-line-name">{name}</p>
              {options && <p className="cart-line-options">{options}</p>}
              <p className="cart-line-price">{t.won(pricedLine.lineTotal)}</p>
            </div>
            <div className="cart-line-controls">
              <QuantityStepper
                quantity={line.quantity}
                onChange={(quantity) => send({ type: 'set_line_quantity', key: line.key, quantity })}
                label={name}
                decreaseLabel={t.cart.decreaseLabel(name)}
                increaseLabel={t.cart.increaseLabel(name)}
                format={t.pieces}
              />
              <button
                type="button"
                className="action remove-line"
                aria-label={t.cart.removeLabel(name)}
                onClick={() => send({ type: 'remove_line', key: line.key })}
              >
                {t.cart.remove}
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
