import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export type AdminUserRow = Database['admin_users'];

/** Console accounts and their sessions. */
export class AdminRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insertUser(row: AdminUserRow): Promise<void> {
    await this.db.insertInto('admin_users').values(row).execute();
  }

  async findUserByName(username: string): Promise<AdminUserRow | null> {
    return (await this.db.selectFrom('admin_users').selectAll().where('username', '=', username).executeTakeFirst()) ?? null;
  }

  async insertSession(row: Database['admin_sessions']): Promise<void> {
    await this.db.insertInto('admin_sessions').values(row).execute();
  }

  /** The user of a session that has not expired, or null. */
  async findSessionUser(tokenHash: string, now: string): Promise<AdminUserRow | null> {
    const row = await this.db
      .selectFrom('admin_sessions')
      .innerJoin('admin_users', 'admin_users.id', 'admin_sessions.user_id')
      .selectAll('admin_users')
      .where('admin_sessions.token_hash', '=', tokenHash)
      .where('admin_sessions.expires_at', '>', now)
      .executeTakeFirst();
    return row ?? null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('admin_sessions').where('token_hash', '=', tokenHash).execute();
  }

  async deleteExpiredSessions(now: string): Promise<void> {
    await this.db.deleteFrom('admin_sessions').where('expires_at', '<=', now).execute();
  }
}
