import type { Menu } from '../../domain/menu';
import type { MenuRepository } from '../repositories/menu.repository';

/** The menu as the domain sees it: rows plus public picture URLs. */
export class MenuService {
  constructor(private readonly menus: MenuRepository) {}

  async getMenu(): Promise<Menu> {
    const rows = await this.menus.load();
    return {
      categories: rows.categories,
      optionGroups: rows.optionGroups,
      items: rows.items.map((row) => ({
        id: row.id,
        categoryId: row.category_id,
        ko: row.name_ko,
        en: row.name_en,
        price: row.price,
        optionGroupIds: row.optionGroupIds,
        imageUrl: row.image_key ? mediaUrl(row.image_key) : null,
        soldOut: row.sold_out === 1,
      })),
    };
  }
}

export function mediaUrl(key: string): string {
  return `/media/${key}`;
}
