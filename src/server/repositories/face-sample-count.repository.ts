import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** How many labelled faces the store holds, all or stored after a moment: what the retraining schedule counts. */
export class FaceSampleCountRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async count(since: string | null = null): Promise<number> {
    let query = this.db.selectFrom('face_samples').select((eb) => eb.fn.countAll().as('n'));
    if (since) query = query.where('created_at', '>', since);
    // PostgreSQL counts come back as strings.
    return Number((await query.executeTakeFirstOrThrow()).n);
  }
}
