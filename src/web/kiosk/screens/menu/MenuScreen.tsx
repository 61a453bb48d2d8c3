import { itemCount } from '../../../../domain/cart';
import { itemsInCategory } from '../../../../domain/menu';
import { CategoryTabs } from '../../components/CategoryTabs';
import { ItemCard } from '../../components/ItemCard';
import { RecommendedDishes } from '../../recommend/Recommended';
import { cartTotal } from '../../state/cart-total';
import { useKiosk } from '../../state/kiosk-context';

/** Standard mode: the whole menu like a paper menu, sections on top, the order at the bottom. */
export function MenuScreen() {
  const { state, send, menu, t } = useKiosk();
  const count = itemCount(state.cart);
  return (
    <section className="screen menu-screen" aria-labelledby="menu-title">
      <h1 id="menu-title" className="visually-hidden">
        {t.menu.prompt}
      </h1>
      <RecommendedDishes pictureSize={120} />
      <CategoryTabs />
      <div className="item-grid">
        {itemsInCategory(menu, state.categoryId).map((item) => (
          <ItemCard key={item.id} item={item} pictureSize={168} />
        ))}
      </div>
      <div className="cart-bar">
        <p className="cart-bar-summary" aria-live="polite">
          {count > 0 ? t.menu.cartSummary(count, t.won(cartTotal(menu, state))) : t.menu.emptyCart}
        </p>
        <button type="button" className="action primary" disabled={count === 0} onClick={() => send({ type: 'review' })}>
          {t.menu.viewCart}
        </button>
      </div>
    </section>
  );
}
