import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export type PrinterRow = Database['printers'];
export type PrintJobRow = Database['print_jobs'];

/** The store's printers and their print jobs. */
export class PrinterRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(row: PrinterRow): Promise<void> {
    await this.db.insertInto('printers').values(row).execute();
  }

  async update(id: string, changes: Partial<Omit<PrinterRow, 'id' | 'store_id' | 'created_at'>>): Promise<void> {
    await this.db.updateTable('printers').set(changes).where('id', '=', id).execute();
  }

  async delete(id: string): Promise<boolean> {
    await this.db.deleteFrom('print_jobs').where('printer_id', '=', id).execute();
    const result = await this.db.deleteFrom('printers').where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async findById(id: string): Promise<PrinterRow | null> {
    return (await this.db.selectFrom('printers').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  /** `db`: a transaction to read in (an order's, which stores its tickets). */
  async list(storeId: string, db: Kysely<Database> = this.db): Promise<PrinterRow[]> {
    return db.selectFrom('printers').selectAll().where('store_id', '=', storeId).orderBy('created_at').orderBy('id').execute();
  }

  /** Every store's printers: ids are unique across stores sharing a database. */
  async listAll(): Promise<Pick<PrinterRow, 'id'>[]> {
    return this.db.selectFrom('printers').select('id').execute();
  }

  async insertJobs(rows: PrintJobRow[], db: Kysely<Database> = this.db): Promise<void> {
    if (rows.length > 0) await db.insertInto('print_jobs').values(rows).execute();
  }

  async findJob(id: string): Promise<PrintJobRow | null> {
    return (await this.db.selectFrom('print_jobs').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
  }

  /** A printer's tickets still to print, oldest first. */
  async waitingJobs(printerId: string): Promise<PrintJobRow[]> {
    return this.db.selectFrom('print_jobs').selectAll().where('printer_id', '=', printerId).where('status', '=', 'waiting').orderBy('created_at').orderBy('id').execute();
  }

  /**
   * Takes a waiting job for one server to send, unless another holds it; the claim runs out, so a
   * server that died while sending leaves the job to the next.
   */
  async claim(id: string, holder: string, at: string, until: string): Promise<boolean> {
    const result = await this.db
      .updateTable('print_jobs')
      .set({ claimed_by: holder, claimed_until: until })
      .where('id', '=', id)
      .where('status', '=', 'waiting')
      .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', at), eb('claimed_by', '=', holder)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async release(id: string, holder: string): Promise<void> {
    await this.db.updateTable('print_jobs').set({ claimed_by: null, claimed_until: null }).where('id', '=', id).where('claimed_by', '=', holder).execute();
  }

  /** Waiting tickets of an order that no longer needs them (cancelled) leave the queue; printed ones stay as they were. */
  async withdrawWaiting(orderId: string): Promise<void> {
    await this.db.updateTable('print_jobs').set({ status: 'withdrawn' }).where('order_id', '=', orderId).where('status', '=', 'waiting').execute();
  }

  /** Only the first marking counts, so a ticket is never counted as printed twice. */
  async markPrinted(id: string, at: string): Promise<boolean> {
    const result = await this.db.updateTable('print_jobs').set({ status: 'printed', printed_at: at }).where('id', '=', id).where('status', '=', 'waiting').executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  /** The store's latest tickets, newest first; one printer's when named. */
  async recentJobs(storeId: string, limit: number, printerId?: string): Promise<PrintJobRow[]> {
    let query = this.db.selectFrom('print_jobs').selectAll().where('store_id', '=', storeId);
    if (printerId) query = query.where('printer_id', '=', printerId);
    return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  }
}
