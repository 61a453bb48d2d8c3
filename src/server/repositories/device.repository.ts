import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export type DeviceRow = Database['devices'];

export class DeviceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: DeviceRow): Promise<void> {
    await this.db.insertInto('devices').values(row).execute();
  }

  async findById(id: string): Promise<DeviceRow | null> {
    return (await this.db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  async list(): Promise<DeviceRow[]> {
    return this.db.selectFrom('devices').selectAll().orderBy('store_id').orderBy('id').execute();
  }

  async revoke(id: string, at: string): Promise<boolean> {
    const result = await this.db.updateTable('devices').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
