/** The menu as every part of the product sees it: categories, items and their option groups. */

export type LocalizedName = { ko: string; en: string };

export type OptionValue = LocalizedName & {
  id: string;
  /** Extra charge in KRW on top of the item price. */
  extraPrice: number;
  /** Other words customers use for it ("차갑게", "아이스"); voice ordering listens for them. */
  aliases: string[];
};

/** A choice the customer makes for an item. The first value is the default. */
export type OptionGroup = LocalizedName & {
  id: string;
  values: OptionValue[];
};

export type Category = LocalizedName & { id: string; imageUrl: string | null };

export type MenuItem = LocalizedName & {
  id: string;
  categoryId: string;
  /** Base price in KRW. */
  price: number;
  /** Option groups that apply to this item, in the order they are asked. */
  optionGroupIds: string[];
  /** Public URL of the item's picture, or null. */
  imageUrl: string | null;
  soldOut: boolean;
  /** Other names customers use ("김찌", "냉면"); operators can add more. */
  aliases: string[];
};

export type Menu = {
  categories: Category[];
  items: MenuItem[];
  optionGroups: OptionGroup[];
};

export function findItem(menu: Menu, itemId: string): MenuItem | undefined {
  return menu.items.find((item) => item.id === itemId);
}

export function findOptionGroup(menu: Menu, groupId: string): OptionGroup | undefined {
  return menu.optionGroups.find((group) => group.id === groupId);
}

export function optionGroupsOf(menu: Menu, item: MenuItem): OptionGroup[] {
  return item.optionGroupIds.flatMap((groupId) => {
    const group = findOptionGroup(menu, groupId);
    return group ? [group] : [];
  });
}

/** The options an item starts with: the first value of each of its groups. */
export function defaultOptions(menu: Menu, item: MenuItem): Record<string, string> {
  const options: Record<string, string> = {};
  for (const group of optionGroupsOf(menu, item)) {
    const first = group.values[0];
    if (first) options[group.id] = first.id;
  }
  return options;
}

export function itemsInCategory(menu: Menu, categoryId: string): MenuItem[] {
  return menu.items.filter((item) => item.categoryId === categoryId);
}
