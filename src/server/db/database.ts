/** Opens the database and brings its schema up to date. SQLite is the embedded default. */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import * as initial from './migrations/0001-initial';
import * as aliases from './migrations/0002-aliases';
import * as devices from './migrations/0003-devices';
import * as consoleTables from './migrations/0010-console';
import * as modelRegistry from './migrations/0020-model-registry';
import type { Database } from './schema';

/** Migrations are listed here, not read from disk, so they run the same from source or a bundle. */
const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-aliases': aliases,
  '0003-devices': devices,
  '0010-console': consoleTables,
  '0020-model-registry': modelRegistry,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export function openSqlite(file: string): Kysely<Database> {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers (console, devices) run beside the writer; FULL sync makes a committed order survive power loss.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
