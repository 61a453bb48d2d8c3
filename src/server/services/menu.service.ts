import type { Menu } from '../../domain/menu';
import type { MenuRepository } from '../repositories/menu.repository';

/** The menu as the domain sees it: rows plus public picture URLs. */
export class MenuService {
  constructor(private readonly menus: MenuRepository) {}

  async getMenu(): Promise<Menu> {
    const rows = await this.menus.load();
    return {
      categories: rows.categories.map((row) => ({ id: row.id, ko: row.name_ko, en: row.name_en, imageUrl: imageUrlOf(row.image_key) })),
      optionGroups: rows.optionGroups,
      items: rows.items.map((row) => ({
        id: row.id,
        categoryId: row.category_id,
        ko: row.name_ko,
        en: row.name_en,
        price: row.price,
        optionGroupIds: row.optionGroupIds,
        imageUrl: imageUrlOf(row.image_key),
        soldOut: row.sold_out === 1,
        aliases: row.aliases,
      })),
    };
  }
}

function imageUrlOf(key: string | null): string | null {
  return key ? `/media/${key}` : null;
}
