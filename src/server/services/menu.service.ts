import type { MenuItemPatch, OptionValuePatch } from '../../contracts/http';
import type { Menu, MenuItem } from '../../domain/menu';
import { notFound } from '../errors';
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

  /** Changes a dish from the console; kiosks pick it up with their next customer. */
  async updateItem(id: string, patch: MenuItemPatch & { imageKey?: string }): Promise<MenuItem> {
    const aliases = cleanAliases(patch.aliases);
    const updated = await this.menus.updateItem(
      id,
      {
        ...(patch.ko !== undefined ? { name_ko: patch.ko.trim() } : {}),
        ...(patch.en !== undefined ? { name_en: patch.en.trim() } : {}),
        ...(patch.price !== undefined ? { price: patch.price } : {}),
        ...(patch.soldOut !== undefined ? { sold_out: patch.soldOut ? 1 : 0 } : {}),
        ...(patch.imageKey !== undefined ? { image_key: patch.imageKey } : {}),
      },
      aliases,
    );
    if (!updated) throw notFound(`Menu item ${id}`);
    return (await this.getMenu()).items.find((item) => item.id === id)!;
  }

  async updateOptionValue(groupId: string, valueId: string, patch: OptionValuePatch): Promise<void> {
    if (!(await this.menus.updateOptionValue(groupId, valueId, patch.extraPrice, cleanAliases(patch.aliases)))) throw notFound(`Option ${groupId}/${valueId}`);
  }
}

/** Trimmed, blank ones dropped, each once. */
function cleanAliases(aliases: string[] | undefined): string[] | undefined {
  return aliases ? [...new Set(aliases.map((alias) => alias.trim()).filter(Boolean))] : undefined;
}

function imageUrlOf(key: string | null): string | null {
  return key ? `/media/${key}` : null;
}
