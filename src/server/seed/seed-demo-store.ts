import fs from 'node:fs/promises';
import path from 'node:path';
import type { MenuRepository } from '../repositories/menu.repository';
import type { FileStore } from '../storage/file-store';
import { demoCategories, demoItems, demoOptionGroups } from './demo-menu';

/** The SVG illustrations shipped with the repository, one per demo item. */
export const MENU_ART_DIR = path.resolve(import.meta.dirname, '../../../assets/menu-art');

/** Fills an empty store with the demo menu and its pictures; a store that has a menu is left alone. */
export async function seedDemoStore(menus: MenuRepository, files: FileStore): Promise<boolean> {
  if (!(await menus.isEmpty())) return false;
  const items = [];
  for (const item of demoItems) {
    const imageKey = `menu/${item.id}.svg`;
    const art = await fs.readFile(path.join(MENU_ART_DIR, `${item.id}.svg`)).catch(() => null);
    if (art) await files.put(imageKey, art, 'image/svg+xml');
    items.push({ ...item, imageKey: art ? imageKey : null });
  }
  await menus.insertMenu(demoCategories, demoOptionGroups, items);
  return true;
}
