import { itemsInCategory } from '../../../../domain/menu';
import { CategoryTabs } from '../../components/CategoryTabs';
import { ItemCard } from '../../components/ItemCard';
import { RecommendedDishes } from '../../recommend/Recommended';
import { useKiosk } from '../../state/kiosk-context';

/** Easy mode, step 1: one question, "what would you like?", with large pictures. */
export function EasyPickScreen() {
  const { state, menu, t } = useKiosk();
  return (
    <section className="screen easy-pick" aria-labelledby="easy-pick-title">
      <h1 id="easy-pick-title">{t.easy.pickTitle}</h1>
      <RecommendedDishes pictureSize={150} />
      <CategoryTabs />
      <div className="item-grid">
        {itemsInCategory(menu, state.categoryId).map((item) => (
          <ItemCard key={item.id} item={item} pictureSize={150} />
        ))}
      </div>
    </section>
  );
}
