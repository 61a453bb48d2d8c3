import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export type FaceSampleRow = Database['face_samples'];

/** What training reads of a sample: its label and features, nothing else. */
export type TrainingSampleRow = Pick<FaceSampleRow, 'id' | 'source' | 'file' | 'group' | 'age' | 'features'>;

export class FaceSampleRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Rows whose id is already stored are left as they are: imports are idempotent by id. */
  async insertNew(rows: FaceSampleRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    const result = await this.db.insertInto('face_samples').values(rows).onConflict((conflict) => conflict.column('id').doNothing()).executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  }

  /** Samples whose image key starts with `prefix`. */
  async imagesUnder(prefix: string): Promise<{ id: string; imageKey: string }[]> {
    const rows = await this.db.selectFrom('face_samples').select(['id', 'image_key']).where('image_key', 'like', `${prefix}%`).execute();
    return rows.map((row) => ({ id: row.id, imageKey: row.image_key! }));
  }

  async setImageKey(id: string, imageKey: string): Promise<void> {
    await this.db.updateTable('face_samples').set({ image_key: imageKey }).where('id', '=', id).execute();
  }

  async has(id: string): Promise<boolean> {
    return (await this.db.selectFrom('face_samples').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
  }

  async trainingRows(): Promise<TrainingSampleRow[]> {
    return this.db.selectFrom('face_samples').select(['id', 'source', 'file', 'group', 'age', 'features']).orderBy('id').execute();
  }

  /** All samples a page at a time in id order (`after`: the last id of the previous page), so an export holds one page in memory. */
  async page(after: string | null, limit: number): Promise<FaceSampleRow[]> {
    let query = this.db.selectFrom('face_samples').selectAll().orderBy('id').limit(limit);
    if (after !== null) query = query.where('id', '>', after);
    return query.execute();
  }

  /** How many samples are stored, all or stored after a moment: what the retraining schedule counts. */
  async count(since: string | null = null): Promise<number> {
    let query = this.db.selectFrom('face_samples').select((eb) => eb.fn.countAll().as('n'));
    if (since) query = query.where('created_at', '>', since);
    // PostgreSQL counts come back as strings.
    return Number((await query.executeTakeFirstOrThrow()).n);
  }
}
