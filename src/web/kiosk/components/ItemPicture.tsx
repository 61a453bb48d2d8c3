import type { MenuItem } from '../../../domain/menu';

/** The dish's illustration; decorative, since its name is always written beside it. */
export function ItemPicture({ item, size }: { item: MenuItem; size: number }) {
  if (!item.imageUrl) return <span className="item-picture item-picture-empty" style={{ width: size, height: size }} />;
  return <img className="item-picture" src={item.imageUrl} alt="" width={size} height={size} draggable={false} />;
}
