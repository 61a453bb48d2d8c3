import { findItem, optionGroupsOf } from '../../../../domain/menu';
import { priceOrder } from '../../../../domain/pricing';
import { ItemPicture } from '../../components/ItemPicture';
import { OptionChoices } from '../../components/OptionChoices';
import { QuantityStepper } from '../../components/QuantityStepper';
import { useKiosk } from '../../state/kiosk-context';

/**
 * Standard mode: every choice for one dish on one screen, with the price as it will be charged.
 * A screen, not a modal, so the header (easy mode, language, staff call) stays within reach.
 */
export function ItemScreen() {
  const { state, send, menu, language, t } = useKiosk();
  const draft = state.draft;
  const item = draft ? findItem(menu, draft.itemId) : undefined;
  if (!draft || !item) return null;
  const priced = priceOrder(menu, [draft]);
  const total = priced.ok ? priced.order.total : 0;

  return (
    <section className="screen item-screen" aria-labelledby="item-title">
      <div className="item-head">
        <ItemPicture item={item} size={240} />
        <div>
          <h1 id="item-title">{item[language]}</h1>
          <p className="item-name-other">{item[language === 'ko' ? 'en' : 'ko']}</p>
          <p className="item-price">{t.won(item.price)}</p>
        </div>
      </div>
      {optionGroupsOf(menu, item).map((group) => (
        <OptionChoices
          key={group.id}
          group={group}
          selected={draft.options[group.id]}
          onChoose={(valueId) => send({ type: 'choose_option', groupId: group.id, valueId })}
        />
      ))}
      <div className="option-group">
        <p className="option-legend">{t.item.quantity}</p>
        <QuantityStepper
          quantity={draft.quantity}
          onChange={(quantity) => send({ type: 'set_draft_quantity', quantity })}
          label={t.item.quantity}
          decreaseLabel={t.item.decrease}
          increaseLabel={t.item.increase}
          format={t.pieces}
        />
      </div>
      <button type="button" className="action primary wide add-to-order" onClick={() => send({ type: 'add_draft' })}>
        {t.item.add(t.won(total))}
      </button>
    </section>
  );
}
