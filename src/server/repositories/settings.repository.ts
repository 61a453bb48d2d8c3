import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export class SettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async find(storeId: string): Promise<unknown> {
    const row = await this.db.selectFrom('store_settings').select('settings').where('store_id', '=', storeId).executeTakeFirst();
    return row ? (JSON.parse(row.settings) as unknown) : null;
  }

  async save(storeId: string, settings: object, at: string): Promise<void> {
    const document = JSON.stringify(settings);
    await this.db
      .insertInto('store_settings')
      .values({ store_id: storeId, settings: document, updated_at: at })
      .onConflict((conflict) => conflict.column('store_id').doUpdateSet({ settings: document, updated_at: at }))
      .execute();
  }
}
