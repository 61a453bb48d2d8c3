import { questionCount } from '../../../../domain/kiosk-flow';
import { findItem, optionGroupsOf } from '../../../../domain/menu';
import { ItemPicture } from '../../components/ItemPicture';
import { QuantityStepper } from '../../components/QuantityStepper';
import { nameIn } from '../../i18n/i18n';
import { useKiosk } from '../../state/kiosk-context';

/** Easy mode: one question per screen about the chosen dish: each option, then how many. */
export function EasyQuestionScreen() {
  const { state, send, menu, language, t } = useKiosk();
  const draft = state.draft;
  const item = draft ? findItem(menu, draft.itemId) : undefined;
  if (!draft || !item) return null;
  const name = item[language];
  const group = optionGroupsOf(menu, item)[draft.question];
  const asksQuantity = draft.question >= questionCount(menu, item.id) - 1 || !group;

  return (
    <section className="screen easy-question" aria-labelledby="easy-question-title">
      <div className="easy-question-item">
        <ItemPicture item={item} size={120} />
        <p className="easy-question-name">{name}</p>
      </div>
      {asksQuantity ? (
        <>
          <h1 id="easy-question-title">{t.easy.quantityQuestion(name)}</h1>
          <QuantityStepper
            quantity={draft.quantity}
            onChange={(quantity) => send({ type: 'set_draft_quantity', quantity })}
            label={name}
            decreaseLabel={t.item.decrease}
            increaseLabel={t.item.increase}
            format={t.pieces}
          />
          <button type="button" className="action primary wide" onClick={() => send({ type: 'add_draft' })}>
            {t.easy.addCount(draft.quantity)}
          </button>
        </>
      ) : (
        <>
          <h1 id="easy-question-title">{t.easy.optionQuestion(nameIn(language, group))}</h1>
          <div className="easy-answers">
            {group.values.map((value) => (
              <button
                key={value.id}
                type="button"
                className="easy-answer"
                data-value-id={value.id}
                aria-pressed={draft.options[group.id] === value.id}
                onClick={() => {
                  send({ type: 'choose_option', groupId: group.id, valueId: value.id });
                  send({ type: 'next_question' });
                }}
              >
                <span>{nameIn(language, value)}</span>
                {value.extraPrice > 0 && <span className="option-extra">{t.extraCharge(value.extraPrice)}</span>}
              </button>
            ))}
          </div>
        </>
      )}
    </section>
  );
}
