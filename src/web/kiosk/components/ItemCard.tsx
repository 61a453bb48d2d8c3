import type { MenuItem } from '../../../domain/menu';
import { useKiosk } from '../state/kiosk-context';
import { ItemPicture } from './ItemPicture';

/** One dish: picture, its name in both languages and its price. Sold-out dishes stay visible but cannot be chosen. */
export function ItemCard({ item, pictureSize }: { item: MenuItem; pictureSize: number }) {
  const { send, language, t } = useKiosk();
  const other = language === 'ko' ? 'en' : 'ko';
  return (
    <button
      type="button"
      className="item-card"
      data-item-id={item.id}
      disabled={item.soldOut}
      onClick={() => send({ type: 'choose_item', itemId: item.id })}
    >
      <ItemPicture item={item} size={pictureSize} />
      <span className="item-name">{item[language]}</span>
      <span className="item-name-other" lang={other}>
        {item[other]}
      </span>
      <span className="item-price">{item.soldOut ? t.menu.soldOut : t.won(item.price)}</span>
    </button>
  );
}
