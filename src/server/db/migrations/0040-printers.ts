import type { Kysely } from 'kysely';

/**
 * The store's receipt printers and every ticket sent to them. A ticket is stored before it is
 * printed, so a printer that is off or out of paper delays it but never loses it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('printers')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('store_id', 'text', (col) => col.notNull())
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('connection', 'text', (col) => col.notNull())
    .addColumn('host', 'text')
    .addColumn('port', 'integer')
    .addColumn('tickets', 'text', (col) => col.notNull())
    .addColumn('kiosk_id', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('print_jobs')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('store_id', 'text', (col) => col.notNull())
    .addColumn('printer_id', 'text', (col) => col.notNull().references('printers.id').onDelete('cascade'))
    .addColumn('order_id', 'text')
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('title', 'text', (col) => col.notNull())
    .addColumn('document', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('printed_at', 'text')
    .addColumn('claimed_by', 'text')
    .addColumn('claimed_until', 'text')
    .execute();
  await db.schema.createIndex('print_jobs_printer_status').on('print_jobs').columns(['printer_id', 'status', 'created_at']).execute();
  await db.schema.createIndex('print_jobs_order').on('print_jobs').columns(['order_id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('print_jobs').execute();
  await db.schema.dropTable('printers').execute();
}
