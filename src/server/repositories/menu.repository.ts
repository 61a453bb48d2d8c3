import type { Kysely, Selectable, Transaction } from 'kysely';
import type { LocalizedName, MenuItem, OptionGroup } from '../../domain/menu';
import type { Database } from '../db/schema';

export type MenuItemRow = Selectable<Database['menu_items']> & { optionGroupIds: string[]; aliases: string[] };

export type CategoryRow = Selectable<Database['categories']>;

export type MenuRows = { categories: CategoryRow[]; optionGroups: OptionGroup[]; items: MenuItemRow[] };

export type NewCategory = LocalizedName & { id: string; imageKey: string | null };

/** A menu item as written: its picture is a file-store key, and a new item is never sold out. */
export type NewMenuItem = Omit<MenuItem, 'imageUrl' | 'soldOut'> & { imageKey: string | null };

/** Reads and writes the menu tables; knows nothing of prices' meaning or URLs. */
export class MenuRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async load(): Promise<MenuRows> {
    const [categories, groups, values, items, links, itemAliases, valueAliases] = await Promise.all([
      this.db.selectFrom('categories').selectAll().where('deleted_at', 'is', null).orderBy('sort_order').execute(),
      this.db.selectFrom('option_groups').selectAll().orderBy('sort_order').execute(),
      this.db.selectFrom('option_values').selectAll().orderBy('sort_order').execute(),
      this.db.selectFrom('menu_items').selectAll().where('deleted_at', 'is', null).orderBy('sort_order').execute(),
      this.db.selectFrom('menu_item_option_groups').selectAll().orderBy('sort_order').execute(),
      this.db.selectFrom('menu_item_aliases').selectAll().orderBy('alias').execute(),
      this.db.selectFrom('option_value_aliases').selectAll().orderBy('alias').execute(),
    ]);
    return {
      categories,
      optionGroups: groups.map((group) => ({
        id: group.id,
        ko: group.name_ko,
        en: group.name_en,
        values: values
          .filter((value) => value.group_id === group.id)
          .map((value) => ({
            id: value.id,
            ko: value.name_ko,
            en: value.name_en,
            extraPrice: value.extra_price,
            aliases: valueAliases.filter((alias) => alias.group_id === group.id && alias.value_id === value.id).map((alias) => alias.alias),
          })),
      })),
      items: items.map((item) => ({
        ...item,
        optionGroupIds: links.filter((link) => link.item_id === item.id).map((link) => link.group_id),
        aliases: itemAliases.filter((alias) => alias.item_id === item.id).map((alias) => alias.alias),
      })),
    };
  }

  /** Changes one dish's names, price, category, sold-out flag, picture, aliases and option groups together; false when there is no such dish. */
  async updateItem(
    id: string,
    fields: Partial<Pick<MenuItemRow, 'name_ko' | 'name_en' | 'price' | 'sold_out' | 'image_key' | 'category_id'>>,
    aliases?: string[],
    optionGroupIds?: string[],
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const exists = await trx.selectFrom('menu_items').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
      if (!exists) return false;
      if (Object.keys(fields).length > 0) await trx.updateTable('menu_items').set(fields).where('id', '=', id).execute();
      if (aliases) {
        await trx.deleteFrom('menu_item_aliases').where('item_id', '=', id).execute();
        if (aliases.length > 0) await trx.insertInto('menu_item_aliases').values(aliases.map((alias) => ({ item_id: id, alias }))).execute();
      }
      if (optionGroupIds) {
        await trx.deleteFrom('menu_item_option_groups').where('item_id', '=', id).execute();
        if (optionGroupIds.length > 0) await trx.insertInto('menu_item_option_groups').values(optionGroupIds.map((groupId, index) => ({ item_id: id, group_id: groupId, sort_order: index }))).execute();
      }
      return true;
    });
  }

  async addOptionGroup(group: OptionGroup): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const last = await trx.selectFrom('option_groups').select((eb) => eb.fn.max('sort_order').as('last')).executeTakeFirst();
      await insertOptionGroups(trx, [group], Number(last?.last ?? -1) + 1);
    });
  }

  /** Removes an option group no dish uses (orders copied the options they had); false when there is none. */
  async deleteOptionGroup(id: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('menu_item_option_groups').where('group_id', '=', id).execute();
      await trx.deleteFrom('option_value_aliases').where('group_id', '=', id).execute();
      await trx.deleteFrom('option_values').where('group_id', '=', id).execute();
      const result = await trx.deleteFrom('option_groups').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    });
  }

  /** Renames an option group; false when there is no such group. */
  async renameOptionGroup(id: string, fields: Partial<Pick<Selectable<Database['option_groups']>, 'name_ko' | 'name_en'>>): Promise<boolean> {
    const result = await this.db.updateTable('option_groups').set(fields).where('id', '=', id).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Adds a value at the end of an existing group. */
  async addOptionValue(groupId: string, value: OptionGroup['values'][number]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const last = await trx.selectFrom('option_values').select((eb) => eb.fn.max('sort_order').as('last')).where('group_id', '=', groupId).executeTakeFirst();
      await trx
        .insertInto('option_values')
        .values({ group_id: groupId, id: value.id, name_ko: value.ko, name_en: value.en, extra_price: value.extraPrice, sort_order: Number(last?.last ?? -1) + 1 })
        .execute();
    });
  }

  /** Removes one value and its aliases (orders copied the option text they were sold with); false when there is none. */
  async deleteOptionValue(groupId: string, valueId: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('option_value_aliases').where('group_id', '=', groupId).where('value_id', '=', valueId).execute();
      const result = await trx.deleteFrom('option_values').where('group_id', '=', groupId).where('id', '=', valueId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    });
  }

  /** Writes the order of one group's values as the given ids stand, in one transaction. */
  async reorderOptionValues(groupId: string, valueIds: string[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const [index, id] of valueIds.entries()) await trx.updateTable('option_values').set({ sort_order: index }).where('group_id', '=', groupId).where('id', '=', id).execute();
    });
  }

  /** Changes one option value's extra charge and aliases together; false when there is no such value. */
  async updateOptionValue(groupId: string, valueId: string, extraPrice: number | undefined, aliases: string[] | undefined): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const exists = await trx.selectFrom('option_values').select('id').where('group_id', '=', groupId).where('id', '=', valueId).executeTakeFirst();
      if (!exists) return false;
      if (extraPrice !== undefined) await trx.updateTable('option_values').set({ extra_price: extraPrice }).where('group_id', '=', groupId).where('id', '=', valueId).execute();
      if (aliases) {
        await trx.deleteFrom('option_value_aliases').where('group_id', '=', groupId).where('value_id', '=', valueId).execute();
        if (aliases.length > 0) await trx.insertInto('option_value_aliases').values(aliases.map((alias) => ({ group_id: groupId, value_id: valueId, alias }))).execute();
      }
      return true;
    });
  }

  /** Adds one dish at the end of the menu. */
  async addItem(item: NewMenuItem): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const last = await trx.selectFrom('menu_items').select((eb) => eb.fn.max('sort_order').as('last')).executeTakeFirst();
      await insertItems(trx, [item], Number(last?.last ?? -1) + 1);
    });
  }

  async addCategory(category: NewCategory): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const last = await trx.selectFrom('categories').select((eb) => eb.fn.max('sort_order').as('last')).executeTakeFirst();
      await insertCategories(trx, [category], Number(last?.last ?? -1) + 1);
    });
  }

  /** Changes a category's names or picture; false when there is no such category on the menu. */
  async updateCategory(id: string, fields: Partial<Pick<CategoryRow, 'name_ko' | 'name_en' | 'image_key'>>): Promise<boolean> {
    const result = await this.db.updateTable('categories').set(fields).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Takes a dish off the menu; false when there is no such dish on it. */
  async deleteItem(id: string, at: string): Promise<boolean> {
    const result = await this.db.updateTable('menu_items').set({ deleted_at: at }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async deleteCategory(id: string, at: string): Promise<boolean> {
    const result = await this.db.updateTable('categories').set({ deleted_at: at }).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** Writes the order of a list of dishes (or categories, or option groups) as the given ids stand, in one transaction. */
  async reorder(table: 'menu_items' | 'categories' | 'option_groups', ids: string[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const [index, id] of ids.entries()) await trx.updateTable(table).set({ sort_order: index }).where('id', '=', id).execute();
    });
  }

  async isEmpty(): Promise<boolean> {
    const row = await this.db.selectFrom('menu_items').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    return Number(row.count) === 0;
  }

  /** Writes a whole menu in one transaction: a half-seeded store never exists. */
  async insertMenu(categories: NewCategory[], optionGroups: OptionGroup[], items: NewMenuItem[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await insertCategories(trx, categories);
      await insertOptionGroups(trx, optionGroups);
      await insertItems(trx, items);
    });
  }
}

async function insertCategories(trx: Transaction<Database>, categories: NewCategory[], firstSortOrder = 0): Promise<void> {
  if (categories.length === 0) return;
  await trx
    .insertInto('categories')
    .values(
      categories.map((category, index) => ({
        id: category.id,
        name_ko: category.ko,
        name_en: category.en,
        image_key: category.imageKey,
        sort_order: firstSortOrder + index,
      })),
    )
    .execute();
}

async function insertOptionGroups(trx: Transaction<Database>, groups: OptionGroup[], firstSortOrder = 0): Promise<void> {
  if (groups.length === 0) return;
  await trx
    .insertInto('option_groups')
    .values(groups.map((group, index) => ({ id: group.id, name_ko: group.ko, name_en: group.en, sort_order: firstSortOrder + index })))
    .execute();
  await trx
    .insertInto('option_values')
    .values(
      groups.flatMap((group) =>
        group.values.map((value, index) => ({
          group_id: group.id,
          id: value.id,
          name_ko: value.ko,
          name_en: value.en,
          extra_price: value.extraPrice,
          sort_order: index,
        })),
      ),
    )
    .execute();
  const aliases = groups.flatMap((group) => group.values.flatMap((value) => value.aliases.map((alias) => ({ group_id: group.id, value_id: value.id, alias }))));
  if (aliases.length > 0) await trx.insertInto('option_value_aliases').values(aliases).execute();
}

async function insertItems(trx: Transaction<Database>, items: NewMenuItem[], firstSortOrder = 0): Promise<void> {
  if (items.length === 0) return;
  await trx
    .insertInto('menu_items')
    .values(
      items.map((item, index) => ({
        id: item.id,
        category_id: item.categoryId,
        name_ko: item.ko,
        name_en: item.en,
        price: item.price,
        image_key: item.imageKey,
        sort_order: firstSortOrder + index,
      })),
    )
    .execute();
  const links = items.flatMap((item) => item.optionGroupIds.map((groupId, index) => ({ item_id: item.id, group_id: groupId, sort_order: index })));
  if (links.length > 0) await trx.insertInto('menu_item_option_groups').values(links).execute();
  const aliases = items.flatMap((item) => item.aliases.map((alias) => ({ item_id: item.id, alias })));
  if (aliases.length > 0) await trx.insertInto('menu_item_aliases').values(aliases).execute();
}
