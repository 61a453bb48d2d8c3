/** Opens the database and brings its schema up to date. SQLite is the embedded default, PostgreSQL the shared one. */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Migration, type MigrationProvider } from 'kysely';
import pg from 'pg';
import type { Config } from '../../config/config';
import * as initial from './migrations/0001-initial';
import * as aliases from './migrations/0002-aliases';
import * as devices from './migrations/0003-devices';
import * as orderCounters from './migrations/0004-order-counters';
import * as jobLocks from './migrations/0005-job-locks';
import * as consoleTables from './migrations/0010-console';
import * as orderVoice from './migrations/0011-order-voice';
import * as modelRegistry from './migrations/0020-model-registry';
import * as flywheel from './migrations/0021-flywheel';
import * as runTrigger from './migrations/0022-run-trigger';
import * as offlineOrders from './migrations/0023-offline-orders';
import * as refusedOfflineOrders from './migrations/0024-refused-offline-orders';
import * as signInFailures from './migrations/0025-sign-in-failures';
import * as cameraKiosk from './migrations/0030-camera-kiosk';
import * as storeIdentity from './migrations/0031-store-identity';
import * as printers from './migrations/0040-printers';
import * as settlement from './migrations/0050-settlement';
import * as auditLog from './migrations/0051-audit-log';
import * as menuDeleted from './migrations/0052-menu-deleted';
import * as paymentOrderIndex from './migrations/0053-payment-order-index';
import * as voiceRecordings from './migrations/0070-voice-recordings';
import * as voiceModelVersions from './migrations/0071-voice-model-versions';
import * as printerDevice from './migrations/0072-printer-device';
import * as voiceTrainingRuns from './migrations/0073-voice-training-runs';
import type { Database } from './schema';

/** Migrations are listed here, not read from disk, so they run the same from source or a bundle. */
const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-aliases': aliases,
  '0003-devices': devices,
  '0004-order-counters': orderCounters,
  '0005-job-locks': jobLocks,
  '0010-console': consoleTables,
  '0011-order-voice': orderVoice,
  '0020-model-registry': modelRegistry,
  '0021-flywheel': flywheel,
  '0022-run-trigger': runTrigger,
  '0023-offline-orders': offlineOrders,
  '0024-refused-offline-orders': refusedOfflineOrders,
  '0025-sign-in-failures': signInFailures,
  '0030-camera-kiosk': cameraKiosk,
  '0031-store-identity': storeIdentity,
  '0040-printers': printers,
  '0050-settlement': settlement,
  '0051-audit-log': auditLog,
  '0052-menu-deleted': menuDeleted,
  '0053-payment-order-index': paymentOrderIndex,
  '0070-voice-recordings': voiceRecordings,
  '0071-voice-model-versions': voiceModelVersions,
  '0072-printer-device': printerDevice,
  '0073-voice-training-runs': voiceTrainingRuns,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** The same queries run on both: `DATABASE_URL` names PostgreSQL, otherwise the SQLite file in the data folder. */
export function openDatabase(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Kysely<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  return openSqlite(path.join(config.dataDir, 'kiosk.sqlite'));
}

function openPostgres(url: string): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url });
  // An idle connection that drops (the database restarted) leaves the pool, and the next query opens
  // a new one; unheard, the pool's error event would end the process.
  pool.on('error', () => undefined);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

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
