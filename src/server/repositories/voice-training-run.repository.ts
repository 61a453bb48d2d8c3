import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export type VoiceTrainingRunRow = Database['voice_training_runs'];

/** The store's 학습 시작 runs: one row each, `running` until it ends `finished` or `failed`. */
export class VoiceTrainingRunRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: VoiceTrainingRunRow): Promise<void> {
    await this.db.insertInto('voice_training_runs').values(row).execute();
  }

  async finish(id: string, end: Pick<VoiceTrainingRunRow, 'state' | 'finished_at' | 'message' | 'result'>): Promise<void> {
    await this.db.updateTable('voice_training_runs').set(end).where('id', '=', id).execute();
  }

  async latest(storeId: string): Promise<VoiceTrainingRunRow | null> {
    return (await this.db.selectFrom('voice_training_runs').selectAll().where('store_id', '=', storeId).orderBy('started_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst()) ?? null;
  }
}
