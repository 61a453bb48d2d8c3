import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export type VoiceModelVersionRow = Database['voice_model_versions'];

/** The store's kept voice models (the rows; model files are in the file store). */
export class VoiceModelVersionRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Newest first. */
  async list(storeId: string): Promise<VoiceModelVersionRow[]> {
    return this.db.selectFrom('voice_model_versions').selectAll().where('store_id', '=', storeId).orderBy('created_at', 'desc').orderBy('version', 'desc').execute();
  }

  /** Makes `version` the only active one (inserting it first when `row` is given), in one transaction. */
  async activate(storeId: string, version: string, activatedAt: string, row?: VoiceModelVersionRow): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('voice_model_versions').set({ status: 'retired' }).where('store_id', '=', storeId).where('status', '=', 'active').execute();
      if (row) await trx.insertInto('voice_model_versions').values(row).execute();
      await trx.updateTable('voice_model_versions').set({ status: 'active', activated_at: activatedAt }).where('store_id', '=', storeId).where('version', '=', version).execute();
    });
  }
}
