import { randomUUID } from 'node:crypto';
import { MAX_OPTION_VALUES, type CategoryPatch, type MenuItemPatch, type NewCategoryRequest, type NewMenuItemRequest, type NewOptionGroupRequest, type NewOptionValueRequest, type OptionGroupPatch, type OptionValuePatch } from '../../contracts/http';
import type { Menu, MenuItem, OptionGroup } from '../../domain/menu';
import { AppError, notFound } from '../errors';
import type { MenuRepository } from '../repositories/menu.repository';

/** The menu as the domain sees it: rows plus public picture URLs. */
export class MenuService {
  constructor(
    private readonly menus: MenuRepository,
    private readonly now: () => Date = () => new Date(),
  ) {}

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
    if (patch.price !== undefined) checkPrice(patch.price);
    if (patch.categoryId !== undefined || patch.optionGroupIds !== undefined) checkReferences(await this.getMenu(), patch.categoryId, patch.optionGroupIds);
    const aliases = cleanAliases(patch.aliases);
    const updated = await this.menus.updateItem(
      id,
      {
        ...(patch.ko !== undefined ? { name_ko: patch.ko.trim() } : {}),
        ...(patch.en !== undefined ? { name_en: patch.en.trim() } : {}),
        ...(patch.price !== undefined ? { price: patch.price } : {}),
        ...(patch.soldOut !== undefined ? { sold_out: patch.soldOut ? 1 : 0 } : {}),
        ...(patch.imageKey !== undefined ? { image_key: patch.imageKey } : {}),
        ...(patch.categoryId !== undefined ? { category_id: patch.categoryId } : {}),
      },
      aliases,
      patch.optionGroupIds,
    );
    if (!updated) throw notFound(`Menu item ${id}`);
    return (await this.getMenu()).items.find((item) => item.id === id)!;
  }

  /** A new dish at the end of the menu: on sale, no picture yet (upload one next). */
  async addItem(request: NewMenuItemRequest): Promise<MenuItem> {
    checkPrice(request.price);
    checkReferences(await this.getMenu(), request.categoryId, request.optionGroupIds);
    const id = `dish-${randomUUID().slice(0, 8)}`;
    await this.menus.addItem({ id, categoryId: request.categoryId, ko: request.ko.trim(), en: request.en.trim(), price: request.price, optionGroupIds: request.optionGroupIds ?? [], aliases: [], imageKey: null });
    return (await this.getMenu()).items.find((item) => item.id === id)!;
  }

  /** Off the menu at once; orders that had it keep its name and price. */
  async deleteItem(id: string): Promise<void> {
    if (!(await this.menus.deleteItem(id, this.now().toISOString()))) throw notFound(`Menu item ${id}`);
  }

  /** One step up or down among the dishes of its category. */
  async moveItem(id: string, direction: 'up' | 'down'): Promise<void> {
    const items = (await this.getMenu()).items;
    const item = items.find((candidate) => candidate.id === id);
    if (!item) throw notFound(`Menu item ${id}`);
    const siblings = items.filter((candidate) => candidate.categoryId === item.categoryId);
    const neighbour = siblings[siblings.indexOf(item) + (direction === 'up' ? -1 : 1)];
    if (neighbour) await this.menus.reorder('menu_items', swapped(items.map((candidate) => candidate.id), item.id, neighbour.id));
  }

  async addCategory(request: NewCategoryRequest): Promise<Menu['categories'][number]> {
    const id = `cat-${randomUUID().slice(0, 8)}`;
    await this.menus.addCategory({ id, ko: request.ko.trim(), en: request.en.trim(), imageKey: null });
    return (await this.getMenu()).categories.find((category) => category.id === id)!;
  }

  async updateCategory(id: string, patch: CategoryPatch & { imageKey?: string }): Promise<Menu['categories'][number]> {
    const fields = {
      ...(patch.ko !== undefined ? { name_ko: patch.ko.trim() } : {}),
      ...(patch.en !== undefined ? { name_en: patch.en.trim() } : {}),
      ...(patch.imageKey !== undefined ? { image_key: patch.imageKey } : {}),
    };
    if (!(await this.menus.updateCategory(id, fields))) throw notFound(`Category ${id}`);
    return (await this.getMenu()).categories.find((category) => category.id === id)!;
  }

  /** Only an empty category: its dishes would vanish from the kiosk with it. */
  async deleteCategory(id: string): Promise<void> {
    const dishes = (await this.getMenu()).items.filter((item) => item.categoryId === id);
    if (dishes.length > 0) {
      throw new AppError(409, 'category_not_empty', `이 분류에 메뉴가 ${dishes.length}개 있어요. 먼저 옮기거나 지워 주세요 · The category still has ${dishes.length} dishes (${dishes.map((dish) => dish.ko).join(', ')}); move or delete them first.`);
    }
    if (!(await this.menus.deleteCategory(id, this.now().toISOString()))) throw notFound(`Category ${id}`);
  }

  async moveCategory(id: string, direction: 'up' | 'down'): Promise<void> {
    const order = movedOneStep((await this.getMenu()).categories.map((category) => category.id), id, direction);
    if (!order) throw notFound(`Category ${id}`);
    await this.menus.reorder('categories', order);
  }

  /** A new option group at the end; its values are `v1`, `v2`… in the order given, the first the default. */
  async addOptionGroup(request: NewOptionGroupRequest): Promise<OptionGroup> {
    const id = `opt-${randomUUID().slice(0, 8)}`;
    const values = request.values.map((value, index) => ({ id: `v${index + 1}`, ko: value.ko.trim(), en: value.en.trim(), extraPrice: value.extraPrice, aliases: [] }));
    await this.menus.addOptionGroup({ id, ko: request.ko.trim(), en: request.en.trim(), values });
    return (await this.getMenu()).optionGroups.find((group) => group.id === id)!;
  }

  /** Only a group no dish asks for: a kiosk would otherwise lose the question mid-menu. */
  async deleteOptionGroup(id: string): Promise<void> {
    const users = (await this.getMenu()).items.filter((item) => item.optionGroupIds.includes(id));
    if (users.length > 0) {
      throw new AppError(409, 'option_group_in_use', `이 선택 사항을 쓰는 메뉴가 있어요 · Dishes still ask for it: ${users.map((item) => item.ko).join(', ')}. Take it off them first.`);
    }
    if (!(await this.menus.deleteOptionGroup(id))) throw notFound(`Option group ${id}`);
  }

  async renameOptionGroup(id: string, patch: OptionGroupPatch): Promise<OptionGroup> {
    const fields = { ...(patch.ko !== undefined ? { name_ko: patch.ko.trim() } : {}), ...(patch.en !== undefined ? { name_en: patch.en.trim() } : {}) };
    if (!(await this.menus.renameOptionGroup(id, fields))) throw notFound(`Option group ${id}`);
    return this.optionGroup(id);
  }

  /** One step earlier or later among the option groups (the kiosk asks a dish's groups in the dish's own order). */
  async moveOptionGroup(id: string, direction: 'up' | 'down'): Promise<void> {
    const order = movedOneStep((await this.getMenu()).optionGroups.map((group) => group.id), id, direction);
    if (!order) throw notFound(`Option group ${id}`);
    await this.menus.reorder('option_groups', order);
  }

  /** A new value at the end of a group; a fresh id, so an old order's value id never names a different value. */
  async addOptionValue(groupId: string, request: NewOptionValueRequest): Promise<OptionGroup> {
    const group = await this.optionGroup(groupId);
    if (group.values.length >= MAX_OPTION_VALUES) throw new AppError(409, 'option_group_full', `한 선택 사항에는 값이 ${MAX_OPTION_VALUES}개까지예요 · An option group holds at most ${MAX_OPTION_VALUES} values.`);
    await this.menus.addOptionValue(groupId, { id: `v-${randomUUID().slice(0, 8)}`, ko: request.ko.trim(), en: request.en.trim(), extraPrice: request.extraPrice, aliases: [] });
    return this.optionGroup(groupId);
  }

  /** Never the last value: a group with nothing to choose would leave the kiosk's question unanswerable. */
  async deleteOptionValue(groupId: string, valueId: string): Promise<void> {
    const group = await this.optionGroup(groupId);
    const value = group.values.find((candidate) => candidate.id === valueId);
    if (!value) throw notFound(`Option ${groupId}/${valueId}`);
    if (group.values.length === 1) {
      throw new AppError(409, 'last_option_value', `${group.ko}의 마지막 값은 지울 수 없어요. 선택 사항을 통째로 지워 주세요 · "${value.en}" is the last value of ${group.en}; delete the whole option group instead.`);
    }
    await this.menus.deleteOptionValue(groupId, valueId);
  }

  /** One step earlier or later within its group; the first value is the kiosk's default. */
  async moveOptionValue(groupId: string, valueId: string, direction: 'up' | 'down'): Promise<void> {
    const order = movedOneStep((await this.optionGroup(groupId)).values.map((value) => value.id), valueId, direction);
    if (!order) throw notFound(`Option ${groupId}/${valueId}`);
    await this.menus.reorderOptionValues(groupId, order);
  }

  private async optionGroup(id: string): Promise<OptionGroup> {
    const group = (await this.getMenu()).optionGroups.find((candidate) => candidate.id === id);
    if (!group) throw notFound(`Option group ${id}`);
    return group;
  }

  async updateOptionValue(groupId: string, valueId: string, patch: OptionValuePatch): Promise<void> {
    if (!(await this.menus.updateOptionValue(groupId, valueId, patch.extraPrice, cleanAliases(patch.aliases)))) throw notFound(`Option ${groupId}/${valueId}`);
  }
}

/** A price is whole won, never below zero; the console asks "맞나요?" itself before a price under 100원. */
function checkPrice(price: number): void {
  if (price < 0) throw new AppError(400, 'invalid_price', `가격은 0원보다 작을 수 없어요 · A price cannot be negative (${price}).`);
}

/** The category and option groups a dish names must be on the menu. */
function checkReferences(menu: Menu, categoryId: string | undefined, optionGroupIds: string[] | undefined): void {
  if (categoryId !== undefined && !menu.categories.some((category) => category.id === categoryId)) throw new AppError(400, 'unknown_category', `There is no category ${categoryId} on the menu.`);
  const unknown = (optionGroupIds ?? []).filter((groupId) => !menu.optionGroups.some((group) => group.id === groupId));
  if (unknown.length > 0) throw new AppError(400, 'unknown_option_group', `There is no option group ${unknown.join(', ')} on the menu.`);
}

/** The ids with `id` one step up or down (unchanged at either end); null when `id` is not among them. */
function movedOneStep(ids: string[], id: string, direction: 'up' | 'down'): string[] | null {
  const index = ids.indexOf(id);
  if (index < 0) return null;
  const neighbour = ids[index + (direction === 'up' ? -1 : 1)];
  return neighbour ? swapped(ids, id, neighbour) : ids;
}

/** The ids with two of them changed places. */
function swapped(ids: string[], a: string, b: string): string[] {
  return ids.map((id) => (id === a ? b : id === b ? a : id));
}

/** Trimmed, blank ones dropped, each once. */
function cleanAliases(aliases: string[] | undefined): string[] | undefined {
  return aliases ? [...new Set(aliases.map((alias) => alias.trim()).filter(Boolean))] : undefined;
}

function imageUrlOf(key: string | null): string | null {
  return key ? `/media/${key}` : null;
}
