import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

export type AuditRow = Database['audit_log'];

type Db = Kysely<Database> | Transaction<Database>;

/** The audit log: rows are only ever added, never changed. */
export class AuditLogRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async add(entry: AuditRow, db: Db = this.db): Promise<void> {
    await db.insertInto('audit_log').values(entry).execute();
  }

  /** The store's latest entries, newest first. */
  async recent(storeId: string, limit: number): Promise<AuditRow[]> {
    return this.db.selectFrom('audit_log').selectAll().where('store_id', '=', storeId).orderBy('at', 'desc').orderBy('id').limit(limit).execute();
  }
}
