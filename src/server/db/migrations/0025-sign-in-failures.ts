import type { Kysely } from 'kysely';

/**
 * Failed console sign-ins per key (`user:name`, `ip:address`) in the current window, in the
 * database, so the limit holds across every server sharing it (`routes/admin/sign-in-failure-store.ts`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('failures', 'integer', (col) => col.notNull())
    .addColumn('window_started_at', 'text', (col) => col.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sign_in_failures').execute();
}
