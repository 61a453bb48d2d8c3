import type { Kysely } from 'kysely';

/**
 * A printer on the machine's own port (connection `device`): the device file it is, e.g.
 * `/dev/usb/lp0`, and for a serial line the speed to set (null: as the port is).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('printers').addColumn('device', 'text').execute();
  await db.schema.alterTable('printers').addColumn('baud', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('printers').dropColumn('baud').execute();
  await db.schema.alterTable('printers').dropColumn('device').execute();
}
