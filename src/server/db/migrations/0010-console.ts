import type { Kysely } from 'kysely';

/**
 * The operator console: accounts and their sessions, the settings operators change, and each
 * kiosk's last known state as heard on the broker (kept here, so any server instance can answer).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('admin_users')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('username', 'text', (col) => col.notNull().unique())
    .addColumn('password_hash', 'text', (col) => col.notNull())
    .addColumn('role', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('admin_sessions')
    .addColumn('token_hash', 'text', (col) => col.primaryKey())
    .addColumn('user_id', 'text', (col) => col.notNull().references('admin_users.id'))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('store_settings')
    .addColumn('store_id', 'text', (col) => col.notNull())
    .addColumn('settings', 'text', (col) => col.notNull())
    .addColumn('updated_at', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('store_settings_pk', ['store_id'])
    .execute();
  await db.schema
    .createTable('kiosk_presence')
    .addColumn('store_id', 'text', (col) => col.notNull())
    .addColumn('kiosk_id', 'text', (col) => col.notNull())
    .addColumn('status', 'text')
    .addColumn('status_at', 'text')
    .addColumn('last_group', 'text')
    .addColumn('last_confidence', 'real')
    .addColumn('last_decided_at', 'text')
    .addColumn('model_version', 'text')
    .addPrimaryKeyConstraint('kiosk_presence_pk', ['store_id', 'kiosk_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['kiosk_presence', 'store_settings', 'admin_sessions', 'admin_users']) await db.schema.dropTable(table).execute();
}
