/**
 * Crash safety, shortened (the full run is `npm run bench`): 50 kiosks order with retries while the
 * real server process is SIGKILLed three times; every acknowledged order must be stored exactly once,
 * whole, with the total the kiosk expected. On SQLite, or PostgreSQL with TEST_DATABASE=postgres.
 */
import { afterAll, expect, it } from 'vitest';
import { runCrashTest } from '../test-support/crash-run';
import { freshTestDatabase, testDatabaseKind, type TestDatabase } from '../test-support/test-database';

let database: TestDatabase | undefined;
afterAll(() => database?.drop());

it(`loses and doubles no acknowledged order when the server is killed mid-order (${testDatabaseKind()})`, async () => {
  database = await freshTestDatabase();
  const report = await runCrashTest({ kiosks: 50, kills: 3, killAfterMs: [300, 1500], minOrders: 300, seed: 8, ...(database.env.DATABASE_URL ? { databaseUrl: database.env.DATABASE_URL } : {}) });
  console.log(
    `crash test (${testDatabaseKind()}): ${report.faultsInjected} faults injected (SIGKILL), ${report.ordersAcknowledged} orders acknowledged after ${report.retries} retries; ` +
      `lost ${report.lost}, duplicated ${report.duplicated}, inconsistent ${report.inconsistent}, stored without acknowledgement ${report.unacknowledged}`,
  );
  expect(report.faultsInjected).toBe(3);
  // The kills must have hit orders in flight, or the run proved nothing.
  expect(report.retries).toBeGreaterThan(0);
  expect(report.ordersAcknowledged).toBeGreaterThanOrEqual(300);
  expect(report).toMatchObject({ lost: 0, duplicated: 0, inconsistent: 0, unacknowledged: 0 });
  expect(report.storedTotal).toBe(report.acknowledgedTotal);
}, 180_000);
