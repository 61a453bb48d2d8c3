/** The camera decision log and the face samples made from it: the only code that touches their tables. */
import type { Kysely } from 'kysely';
import type { LabelStatus } from '../../contracts/http';
import type { Database } from '../db/schema';

export type DecisionRow = Database['camera_decisions'];
export type SampleRow = Database['face_samples'];

/** A decision leaves the review queue for one of these. */
export type Verdict = { status: 'reviewed'; label: string; sample: SampleRow } | { status: 'discarded' };

export class DecisionLogRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The decision and, when auto-labelled, its sample: both or neither. */
  async insert(decision: DecisionRow, sample: SampleRow | null): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('camera_decisions').values(decision).execute();
      if (sample) await trx.insertInto('face_samples').values(sample).execute();
    });
  }

  async findById(id: string): Promise<DecisionRow | null> {
    return (await this.db.selectFrom('camera_decisions').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  /**
   * Records the customer's weak label once (false if one was already recorded). An auto label the
   * customer contradicted is no longer trusted: its sample goes, and a person decides instead when
   * there is a crop to look at; without one its numbers go too.
   */
  async recordOverride(id: string, override: string, at: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx.updateTable('camera_decisions').set({ override, override_at: at }).where('id', '=', id).where('override', 'is', null).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      const demoted = await trx
        .updateTable('camera_decisions')
        .set((eb) => ({
          label_status: eb.case().when('crop_key', 'is not', null).then('review').else('none').end(),
          features: eb.case().when('crop_key', 'is not', null).then(eb.ref('features')).else(null).end(),
          label: null,
        }))
        .where('id', '=', id)
        .where('label_status', '=', 'auto')
        .executeTakeFirst();
      if (Number(demoted.numUpdatedRows) > 0) await trx.deleteFrom('face_samples').where('decision_id', '=', id).where('source', '=', 'decision').execute();
      return true;
    });
  }

  /** Pending decisions, oldest first, after the one named (keyset paging: verdicts elsewhere do not shift pages). */
  async pending(storeId: string, limit: number, after: DecisionRow | null): Promise<DecisionRow[]> {
    let query = this.db.selectFrom('camera_decisions').selectAll().where('store_id', '=', storeId).where('label_status', '=', 'review');
    if (after) {
      query = query.where((eb) => eb.or([eb('decided_at', '>', after.decided_at), eb.and([eb('decided_at', '=', after.decided_at), eb('id', '>', after.id)])]));
    }
    return query.orderBy('decided_at').orderBy('id').limit(limit).execute();
  }

  async countPending(storeId: string): Promise<number> {
    const row = await this.db.selectFrom('camera_decisions').select((eb) => eb.fn.countAll<string | number>().as('count')).where('store_id', '=', storeId).where('label_status', '=', 'review').executeTakeFirstOrThrow();
    return Number(row.count);
  }

  /** Settles a pending decision; false if it was not pending (someone else settled it first). */
  async settle(id: string, verdict: Verdict, by: string, at: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const changes =
        verdict.status === 'reviewed'
          ? { label_status: verdict.status, label: verdict.label, reviewed_by: by, reviewed_at: at }
          : // A discarded face is not worth keeping: its numbers and crop go now, not at the end of retention.
            { label_status: verdict.status, label: null, reviewed_by: by, reviewed_at: at, features: null, crop_key: null };
      const result = await trx.updateTable('camera_decisions').set(changes).where('id', '=', id).where('label_status', '=', 'review').executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      if (verdict.status === 'reviewed') await trx.insertInto('face_samples').values(verdict.sample).execute();
      return true;
    });
  }

  async decisionCounts(storeId: string): Promise<Partial<Record<LabelStatus, number>>> {
    const rows = await this.db
      .selectFrom('camera_decisions')
      .select(['label_status', (eb) => eb.fn.countAll<string | number>().as('count')])
      .where('store_id', '=', storeId)
      .groupBy('label_status')
      .execute();
    return Object.fromEntries(rows.map((row) => [row.label_status, Number(row.count)]));
  }

  async sampleCounts(): Promise<{ source: string; labelSource: string; count: number }[]> {
    const rows = await this.db
      .selectFrom('face_samples')
      .select(['source', 'label_source', (eb) => eb.fn.countAll<string | number>().as('count')])
      .groupBy(['source', 'label_source'])
      .orderBy('source')
      .orderBy('label_source')
      .execute();
    return rows.map((row) => ({ source: row.source, labelSource: row.label_source, count: Number(row.count) }));
  }

  /** File-store keys of crops kept by decisions and decision samples from before `cutoff`. */
  async expiredFileKeys(cutoff: string): Promise<string[]> {
    const [decisions, samples] = await Promise.all([
      this.db.selectFrom('camera_decisions').select('crop_key as key').where('decided_at', '<', cutoff).where('crop_key', 'is not', null).execute(),
      this.db.selectFrom('face_samples').select('image_key as key').where('source', '=', 'decision').where('created_at', '<', cutoff).where('image_key', 'is not', null).execute(),
    ]);
    return [...new Set([...decisions, ...samples].map((row) => row.key!))];
  }

  /** Deletes decisions and decision samples from before `cutoff`; imported samples stay. */
  async deleteBefore(cutoff: string): Promise<{ decisions: number; samples: number }> {
    return this.db.transaction().execute(async (trx) => {
      const samples = await trx.deleteFrom('face_samples').where('source', '=', 'decision').where('created_at', '<', cutoff).executeTakeFirst();
      const decisions = await trx.deleteFrom('camera_decisions').where('decided_at', '<', cutoff).executeTakeFirst();
      return { decisions: Number(decisions.numDeletedRows), samples: Number(samples.numDeletedRows) };
    });
  }
}
