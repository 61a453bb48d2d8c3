import type { OptionGroup } from '../../../domain/menu';
import { nameIn } from '../i18n/i18n';
import { useKiosk } from '../state/kiosk-context';

type Props = { group: OptionGroup; selected: string | undefined; onChoose: (valueId: string) => void; showLegend?: boolean };

/** One option group as radio buttons with their extra charge; arrow keys move between them. */
export function OptionChoices({ group, selected, onChoose, showLegend = true }: Props) {
  const { language, t } = useKiosk();
  return (
    <fieldset className="option-group">
      <legend className={showLegend ? 'option-legend' : 'visually-hidden'}>{nameIn(language, group)}</legend>
      <div className="option-values">
        {group.values.map((value) => (
          <label key={value.id} className="option-choice" data-value-id={value.id}>
            <input
              type="radio"
              name={`option-${group.id}`}
              value={value.id}
              checked={selected === value.id}
              onChange={() => onChoose(value.id)}
            />
            <span className="option-label">{nameIn(language, value)}</span>
            {value.extraPrice > 0 && <span className="option-extra">{t.extraCharge(value.extraPrice)}</span>}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
