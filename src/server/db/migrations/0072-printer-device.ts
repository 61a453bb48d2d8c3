import type { Kysely } from 'kysely';

/** A printer on the kiosk's own port (connection `device`): the device file it is, e.g. `/dev/usb/lp0`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('printers').addColumn('device', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('printers').dropColumn('device').execute();
}
