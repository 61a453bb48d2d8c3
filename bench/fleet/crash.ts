/**
 * "Nothing lost", at length: 50 kiosks ordering with retries while the server process is SIGKILLed
 * ten times at random moments, on SQLite and on PostgreSQL; then the database is audited.
 */
import { createDatabase, startPostgres } from '../../src/test-support/postgres';
import { runCrashTest, type CrashReport } from '../../src/test-support/crash-run';

const RUN = { kiosks: 50, kills: 10, killAfterMs: [500, 3000] as [number, number], minOrders: 3000, seed: 8 };

export async function measureCrashSafety(): Promise<(CrashReport & { database: string })[]> {
  const reports = [{ database: 'SQLite', ...(await runCrashTest(RUN)) }];
  const postgres = await startPostgres();
  try {
    const database = await createDatabase(postgres.url);
    reports.push({ database: 'PostgreSQL', ...(await runCrashTest({ ...RUN, databaseUrl: database.url })) });
    await database.drop();
  } finally {
    await postgres.stop();
  }
  return reports;
}
