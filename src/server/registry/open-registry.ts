/** The registry as the server and the `kiosk model` commands open it: abandoned runs failed, the shipped head imported. */
import type { Kysely } from 'kysely';
import type { Config } from '../../config/config';
import { migrateToLatest, openDatabase } from '../db/database';
import type { Database } from '../db/schema';
import type { FileStore } from '../storage/file-store';
import { openFileStore } from '../storage/open-file-store';
import { ModelRegistryRepository } from './model-registry.repository';
import { ModelRegistryService } from './model-registry.service';
import { importShippedGroupHead } from './shipped-model';

export async function startModelRegistry(db: Kysely<Database>, files: FileStore, now?: () => Date): Promise<ModelRegistryService> {
  const registry = new ModelRegistryService(new ModelRegistryRepository(db), files, now);
  await registry.failAbandonedRuns();
  await importShippedGroupHead(registry);
  return registry;
}

/** Outside the server: the same database and file store, nothing else. */
export async function openModelRegistry(config: Config): Promise<{ registry: ModelRegistryService; db: Kysely<Database>; close: () => Promise<void> }> {
  const db = openDatabase(config);
  await migrateToLatest(db);
  return { registry: await startModelRegistry(db, await openFileStore(config)), db, close: () => db.destroy() };
}
