import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export type StaffCallRow = Database['staff_calls'];

export class StaffCallRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: StaffCallRow): Promise<void> {
    await this.db.insertInto('staff_calls').values(row).execute();
  }

  async findById(id: string): Promise<StaffCallRow | null> {
    return (await this.db.selectFrom('staff_calls').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  async findOpen(storeId: string): Promise<StaffCallRow[]> {
    return this.db.selectFrom('staff_calls').selectAll().where('store_id', '=', storeId).where('acknowledged_at', 'is', null).orderBy('created_at').execute();
  }

  async findRecent(storeId: string, limit: number): Promise<StaffCallRow[]> {
    return this.db.selectFrom('staff_calls').selectAll().where('store_id', '=', storeId).orderBy('created_at', 'desc').limit(limit).execute();
  }

  /** Only the first answer counts: later ones find it already acknowledged. */
  async acknowledge(id: string, at: string): Promise<boolean> {
    const result = await this.db.updateTable('staff_calls').set({ acknowledged_at: at }).where('id', '=', id).where('acknowledged_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
