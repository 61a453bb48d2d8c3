import type { Kysely } from 'kysely';

/** Other words customers use for items and option values, for voice ordering; operators edit them. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('menu_item_aliases')
    .addColumn('item_id', 'text', (col) => col.notNull().references('menu_items.id'))
    .addColumn('alias', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('menu_item_aliases_pk', ['item_id', 'alias'])
    .execute();
  await db.schema
    .createTable('option_value_aliases')
    .addColumn('group_id', 'text', (col) => col.notNull())
    .addColumn('value_id', 'text', (col) => col.notNull())
    .addColumn('alias', 'text', (col) => col.notNull())
    .addPrimaryKeyConstraint('option_value_aliases_pk', ['group_id', 'value_id', 'alias'])
    .addForeignKeyConstraint('option_value_aliases_value', ['group_id', 'value_id'], 'option_values', ['group_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('option_value_aliases').execute();
  await db.schema.dropTable('menu_item_aliases').execute();
}
