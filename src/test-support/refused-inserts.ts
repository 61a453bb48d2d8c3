/** A database that refuses to store rows in one table, as a full disk would, until the answer is called: a trigger on SQLite or PostgreSQL. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../server/db/schema';
import { testDatabaseKind } from './test-database';

export async function insertsRefused(db: Kysely<Database>, table: keyof Database): Promise<() => Promise<void>> {
  const trigger = sql.raw(`refuse_${table}`);
  const target = sql.table(table);
  if (testDatabaseKind() === 'postgres') {
    await sql`CREATE OR REPLACE FUNCTION ${trigger}() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'rows cannot be stored'; END $$ LANGUAGE plpgsql`.execute(db);
    await sql`CREATE TRIGGER ${trigger} BEFORE INSERT ON ${target} FOR EACH ROW EXECUTE FUNCTION ${trigger}()`.execute(db);
    return async () => void (await sql`DROP TRIGGER ${trigger} ON ${target}`.execute(db));
  }
  await sql`CREATE TRIGGER ${trigger} BEFORE INSERT ON ${target} BEGIN SELECT RAISE(ABORT, 'rows cannot be stored'); END`.execute(db);
  return async () => void (await sql`DROP TRIGGER ${trigger}`.execute(db));
}
