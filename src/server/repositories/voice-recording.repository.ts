import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export type VoiceRecordingRow = Database['voice_recordings'];

/** The store's voice recordings (the rows; the audio is in the file store). */
export class VoiceRecordingRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: VoiceRecordingRow): Promise<void> {
    await this.db.insertInto('voice_recordings').values(row).execute();
  }

  async list(storeId: string): Promise<VoiceRecordingRow[]> {
    return this.db.selectFrom('voice_recordings').selectAll().where('store_id', '=', storeId).orderBy('speaker').orderBy('phrase').orderBy('created_at').orderBy('id').execute();
  }

  async find(storeId: string, id: string): Promise<VoiceRecordingRow | null> {
    return (await this.db.selectFrom('voice_recordings').selectAll().where('store_id', '=', storeId).where('id', '=', id).executeTakeFirst()) ?? null;
  }

  async ofSpeaker(storeId: string, speaker: string): Promise<VoiceRecordingRow[]> {
    return this.db.selectFrom('voice_recordings').selectAll().where('store_id', '=', storeId).where('speaker', '=', speaker).execute();
  }

  async delete(ids: string[]): Promise<void> {
    if (ids.length > 0) await this.db.deleteFrom('voice_recordings').where('id', 'in', ids).execute();
  }
}
