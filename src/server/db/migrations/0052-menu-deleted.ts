import type { Kysely } from 'kysely';

/**
 * Dishes and categories an owner deleted: kept (old orders copy their names anyway), left off the
 * menu. Kept rather than removed, so a store whose menu is all deleted is not seeded with the demo again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('menu_items').addColumn('deleted_at', 'text').execute();
  await db.schema.alterTable('categories').addColumn('deleted_at', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('categories').dropColumn('deleted_at').execute();
  await db.schema.alterTable('menu_items').dropColumn('deleted_at').execute();
}
