import { useEffect, useRef } from 'react';
import { findItem, optionGroupsOf } from '../../../../domain/menu';
import { priceOrder } from '../../../../domain/pricing';
import { ItemPicture } from '../../components/ItemPicture';
import { OptionChoices } from '../../components/OptionChoices';
import { QuantityStepper } from '../../components/QuantityStepper';
import { useKiosk } from '../../state/kiosk-context';

/** Standard mode: every choice for one dish on one panel, with the price as it will be charged. */
export function ItemDialog() {
  const { state, send, menu, language, t } = useKiosk();
  const dialog = useRef<HTMLDialogElement>(null);
  const draft = state.draft;
  const item = draft ? findItem(menu, draft.itemId) : undefined;

  useEffect(() => {
    if (!dialog.current?.open) dialog.current?.showModal();
  }, []);

  if (!draft || !item) return null;
  const priced = priceOrder(menu, [draft]);
  const total = priced.ok ? priced.order.total : 0;
  const name = item[language];

  return (
    <dialog ref={dialog} className="item-dialog" aria-labelledby="item-dialog-title" onCancel={() => send({ type: 'back' })}>
      <div className="item-dialog-head">
        <ItemPicture item={item} size={200} />
        <div>
          <h2 id="item-dialog-title">{name}</h2>
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
        <p className="option-legend" id="item-quantity-label">
          {t.item.quantity}
        </p>
        <QuantityStepper
          quantity={draft.quantity}
          onChange={(quantity) => send({ type: 'set_draft_quantity', quantity })}
          label={t.item.quantity}
          decreaseLabel={t.item.decrease}
          increaseLabel={t.item.increase}
          format={t.pieces}
        />
      </div>
      <div className="dialog-actions">
        <button type="button" className="action" onClick={() => send({ type: 'back' })}>
          {t.item.close}
        </button>
        <button type="button" className="action primary" onClick={() => send({ type: 'add_draft' })}>
          {t.item.add(t.won(total))}
        </button>
      </div>
    </dialog>
  );
}
