import fs from 'node:fs/promises';
import path from 'node:path';
import type { MenuRepository } from '../repositories/menu.repository';
import type { FileStore } from '../storage/file-store';
import { demoCategories, demoItems, demoOptionGroups } from './demo-menu';

/** The SVG illustrations shipped with the repository: one per demo item, `category-<id>.svg` per section. */
export const MENU_ART_DIR = path.resolve(import.meta.dirname, '../../../assets/menu-art');

/** Fills an empty store with the demo menu and its pictures; a store that has a menu is left alone. */
export async function seedDemoStore(menus: MenuRepository, files: FileStore): Promise<boolean> {
  if (!(await menus.isEmpty())) return false;
  const withPicture = async <T extends { id: string }>(entry: T, artName: string) => ({
    ...entry,
    imageKey: await storeArt(files, artName),
  });
  const categories = await Promise.all(demoCategories.map((category) => withPicture(category, `category-${category.id}`)));
  const items = await Promise.all(demoItems.map((item) => withPicture(item, item.id)));
  try {
    await menus.insertMenu(categories, demoOptionGroups, items);
  } catch (error) {
    // Servers sharing one database started together: the other one seeded it first.
    if (!(await menus.isEmpty())) return false;
    throw error;
  }
  return true;
}

/** Copies one shipped illustration into the file store; a missing one leaves the entry without a picture. */
async function storeArt(files: FileStore, artName: string): Promise<string | null> {
  const art = await fs.readFile(path.join(MENU_ART_DIR, `${artName}.svg`)).catch(() => null);
  if (!art) return null;
  const key = `menu/${artName}.svg`;
  await files.put(key, art, 'image/svg+xml');
  return key;
}
