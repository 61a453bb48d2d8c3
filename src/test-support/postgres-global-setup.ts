/** Vitest global setup: with TEST_DATABASE=postgres, one PostgreSQL for the whole run (it takes seconds to start). */
import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgres';
import { testDatabaseKind } from './test-database';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (testDatabaseKind() !== 'postgres') return undefined;
  const server = await startPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
