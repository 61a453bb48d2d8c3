/**
 * One database, one store: the first server to open a database claims it for its `STORE_ID`, and a
 * server of another store refuses to start on it (its console sessions, menu and devices would
 * otherwise act on the first store's data).
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema';

export async function claimForStore(db: Kysely<Database>, storeId: string, now: Date = new Date()): Promise<void> {
  const owners = async () => (await db.selectFrom('store_identity').select('store_id').execute()).map((row) => row.store_id);
  if ((await owners()).length === 0) {
    await db.insertInto('store_identity').values({ store_id: storeId, claimed_at: now.toISOString() }).onConflict((conflict) => conflict.column('store_id').doNothing()).execute();
  }
  // Read again: two stores' first starts racing on one empty database both see each other here.
  const others = (await owners()).filter((owner) => owner !== storeId);
  if (others.length > 0) {
    throw new Error(`This database belongs to store ${others.join(', ')}, not STORE_ID=${storeId}: give each store its own database (DATABASE_URL, or DATA_DIR for SQLite).`);
  }
}
