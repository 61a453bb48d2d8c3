/** The store: the database (SQLite or PostgreSQL) migrated to the latest schema, files (local or S3), and the demo menu on first start. */
import type { Kysely } from 'kysely';
import type { Config } from '../config/config';
import { migrateToLatest, openDatabase } from './db/database';
import { claimForStore } from './db/store-identity';
import type { Database } from './db/schema';
import { makeSampleImagesPrivate } from './datasets/sample-image-key';
import { FaceSampleRepository } from './repositories/face-sample.repository';
import { MenuRepository } from './repositories/menu.repository';
import { seedDemoStore } from './seed/seed-demo-store';
import { MenuService } from './services/menu.service';
import type { FileStore } from './storage/file-store';
import { openFileStore } from './storage/open-file-store';

export type Store = { db: Kysely<Database>; files: FileStore; menus: MenuService };

export async function openStore(config: Config): Promise<Store> {
  const db = openDatabase(config);
  try {
    await migrateToLatest(db);
    await claimForStore(db, config.storeId);
    const files = await openFileStore(config);
    const menuRepository = new MenuRepository(db);
    await seedDemoStore(menuRepository, files);
    await makeSampleImagesPrivate(new FaceSampleRepository(db), files);
    return { db, files, menus: new MenuService(menuRepository) };
  } catch (error) {
    // A PostgreSQL pool left open would keep the process alive after the failure.
    await db.destroy();
    throw error;
  }
}
