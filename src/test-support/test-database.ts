/**
 * The database tests run on: `TEST_DATABASE=postgres` gives each test server (or test file) a fresh
 * database on the run's PostgreSQL; otherwise SQLite in the server's data folder, as in a store.
 */
import { createDatabase, postgresServerUrl } from './postgres';

export type TestDatabase = {
  /** What the server's settings need: `DATABASE_URL`, or nothing for SQLite. */
  env: { DATABASE_URL?: string };
  drop(): Promise<void>;
};

export function testDatabaseKind(): 'sqlite' | 'postgres' {
  const kind = process.env.TEST_DATABASE ?? 'sqlite';
  if (kind !== 'sqlite' && kind !== 'postgres') throw new Error(`TEST_DATABASE must be sqlite or postgres, not "${kind}".`);
  return kind;
}

export async function freshTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseKind() === 'sqlite') return { env: {}, drop: async () => undefined };
  const database = await createDatabase(await postgresServerUrl());
  return { env: { DATABASE_URL: database.url }, drop: database.drop };
}
