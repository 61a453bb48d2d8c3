import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export type KioskPresenceRow = Database['kiosk_presence'];

/** Each kiosk's last reported status and camera decision. */
export class KioskPresenceRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async recordStatus(storeId: string, kioskId: string, status: string, at: string): Promise<void> {
    await this.upsert({ store_id: storeId, kiosk_id: kioskId }, { status, status_at: at });
  }

  async recordDecision(storeId: string, kioskId: string, decision: { group: string; confidence: number; decidedAt: string; modelVersion: string }): Promise<void> {
    await this.upsert(
      { store_id: storeId, kiosk_id: kioskId },
      { last_group: decision.group, last_confidence: decision.confidence, last_decided_at: decision.decidedAt, model_version: decision.modelVersion },
    );
  }

  async list(storeId: string): Promise<KioskPresenceRow[]> {
    return this.db.selectFrom('kiosk_presence').selectAll().where('store_id', '=', storeId).orderBy('kiosk_id').execute();
  }

  private async upsert(key: { store_id: string; kiosk_id: string }, values: Partial<KioskPresenceRow>): Promise<void> {
    await this.db
      .insertInto('kiosk_presence')
      .values({ ...key, ...values })
      .onConflict((conflict) => conflict.columns(['store_id', 'kiosk_id']).doUpdateSet(values))
      .execute();
  }
}
