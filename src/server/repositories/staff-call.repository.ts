import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export type StaffCallRow = Database['staff_calls'];

export class StaffCallRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: StaffCallRow): Promise<void> {
    await this.db.insertInto('staff_calls').values(row).execute();
  }
}
