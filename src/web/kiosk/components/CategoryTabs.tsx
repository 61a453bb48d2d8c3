import { nameIn } from '../i18n/i18n';
import { useKiosk } from '../state/kiosk-context';

/** The menu's sections as large buttons; the chosen one is marked for sight and for screen readers. */
export function CategoryTabs() {
  const { state, send, menu, language, t } = useKiosk();
  return (
    <nav className="category-tabs" aria-label={t.menu.categories}>
      {menu.categories.map((category) => (
        <button
          key={category.id}
          type="button"
          className="category-tab"
          aria-pressed={state.categoryId === category.id}
          onClick={() => send({ type: 'choose_category', categoryId: category.id })}
        >
          {nameIn(language, category)}
        </button>
      ))}
    </nav>
  );
}
