import { nameIn } from '../i18n/i18n';
import { useKiosk } from '../state/kiosk-context';

/** A section that is not one of the menu's: easy mode's suggested dishes. */
type ExtraTab = { label: string; chosen: boolean; choose: () => void };

type Props = { suggestions?: ExtraTab; onChoose?: () => void };

/** The menu's sections as large buttons; the chosen one is marked for sight and for screen readers. */
export function CategoryTabs({ suggestions, onChoose }: Props = {}) {
  const { state, send, menu, language, t } = useKiosk();
  return (
    <nav className="category-tabs" aria-label={t.menu.categories}>
      {suggestions && (
        <button type="button" className="category-tab suggestions-tab" aria-pressed={suggestions.chosen} onClick={suggestions.choose}>
          {suggestions.label}
        </button>
      )}
      {menu.categories.map((category) => (
        <button
          key={category.id}
          type="button"
          className="category-tab"
          aria-pressed={!suggestions?.chosen && state.categoryId === category.id}
          onClick={() => {
            send({ type: 'choose_category', categoryId: category.id });
            onChoose?.();
          }}
        >
          {nameIn(language, category)}
        </button>
      ))}
    </nav>
  );
}
