/** The demo store's menu as the domain sees it, for tests that need no database. */
import type { Menu } from '../domain/menu';
import { demoCategories, demoItems, demoOptionGroups } from '../server/seed/demo-menu';

export function demoMenu(overrides: { soldOut?: string[] } = {}): Menu {
  return {
    categories: demoCategories.map((category) => ({ ...category, imageUrl: null })),
    optionGroups: demoOptionGroups,
    items: demoItems.map((item) => ({ ...item, imageUrl: null, soldOut: overrides.soldOut?.includes(item.id) ?? false })),
  };
}
