import { useState } from 'react';
import { itemsInCategory } from '../../../../domain/menu';
import { CategoryTabs } from '../../components/CategoryTabs';
import { useSuggestedDishes } from '../../recommend/Recommended';
import { useKiosk } from '../../state/kiosk-context';
import { DishPages } from './DishPages';

/**
 * Easy mode, step 1: one question, "what would you like?", with a page of large dishes. The store's
 * suggestions come first, as a section of their own beside the menu's sections.
 */
export function EasyPickScreen() {
  const { state, menu, t } = useKiosk();
  const suggested = useSuggestedDishes('items');
  const [wantsSuggestions, setWantsSuggestions] = useState(true);
  const showSuggestions = wantsSuggestions && suggested.length > 0;
  const dishes = showSuggestions ? suggested : itemsInCategory(menu, state.categoryId).map((item) => ({ item }));
  return (
    <section className="screen easy-pick" aria-labelledby="easy-pick-title">
      {/* The announcement right above says the same words: the page's room goes to the dishes. */}
      <h1 id="easy-pick-title" className="visually-hidden">
        {t.easy.pickTitle}
      </h1>
      <CategoryTabs
        suggestions={suggested.length > 0 ? { label: t.recommend.tab, chosen: showSuggestions, choose: () => setWantsSuggestions(true) } : undefined}
        onChoose={() => setWantsSuggestions(false)}
      />
      <div className={`dish-list ${showSuggestions ? 'suggestions recommended' : ''}`}>
        {/* The pressed 추천 tab names the section on screen; the title stays for screen readers and the voice guide. */}
        {showSuggestions && <h2 className="suggestions-title visually-hidden">{t.recommend.title}</h2>}
        <DishPages key={showSuggestions ? 'suggestions' : state.categoryId} dishes={dishes} pictureSize={100} />
      </div>
    </section>
  );
}
