import { useState } from 'react';
import type { MenuItem } from '../../../../domain/menu';
import { ItemCard } from '../../components/ItemCard';
import { useKiosk } from '../../state/kiosk-context';

/** A few large dishes a page, so nothing is found by scrolling; fits a 1080x1920 screen with its bars. */
export const DISHES_PER_PAGE = 4;

/** A dish, with why it is suggested (`kind`, `reason`) when it is. */
export type PagedDish = { item: MenuItem; kind?: string; reason?: string };

/** The dishes a page at a time, with big 이전/다음 buttons and where you are ("3쪽 중 1쪽"). */
export function DishPages({ dishes, pictureSize }: { dishes: PagedDish[]; pictureSize: number }) {
  const { t } = useKiosk();
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(dishes.length / DISHES_PER_PAGE));
  const current = Math.min(page, pages - 1);
  const shown = dishes.slice(current * DISHES_PER_PAGE, (current + 1) * DISHES_PER_PAGE);
  return (
    <>
      <ul className="item-grid dish-page">
        {shown.map(({ item, kind, reason }) => (
          <li key={item.id} className="dish-page-item" data-reason={kind}>
            <ItemCard item={item} pictureSize={pictureSize} />
            {reason && <p className="suggestion-reason">{reason}</p>}
          </li>
        ))}
      </ul>
      {pages > 1 && (
        <nav className="dish-pager" aria-label={t.easy.page(current + 1, pages)}>
          <button type="button" className="action dish-page-previous" disabled={current === 0} onClick={() => setPage(current - 1)}>
            {t.easy.previousPage}
          </button>
          <p className="dish-page-number" aria-live="polite">
            {t.easy.page(current + 1, pages)}
          </p>
          <button type="button" className="action dish-page-next" disabled={current === pages - 1} onClick={() => setPage(current + 1)}>
            {t.easy.nextPage}
          </button>
        </nav>
      )}
    </>
  );
}
