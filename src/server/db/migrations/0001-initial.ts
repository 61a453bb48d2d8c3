import type { Kysely } from 'kysely';

/** Menu, orders with their lines, options and payments, and staff calls. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('categories')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name_ko', 'text', (col) => col.notNull())
    .addColumn('name_en', 'text', (col) => col.notNull())
    .addColumn('image_key', 'text')
    .addColumn('sort_order', 'integer', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('option_groups')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('name_ko', 'text', (col) => col.notNull())
    .addColumn('name_en', 'text', (col) => col.notNull())
    .addColumn('sort_order', 'integer', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('option_values')
    .addColumn('group_id', 'text', (col) => col.notNull().references('option_groups.id'))
    .addColumn('id', 'text', (col) => col.notNull())
    .addColumn('name_ko', 'text', (col) => col.notNull())
    .addColumn('name_en', 'text', (col) => col.notNull())
    .addColumn('extra_price', 'integer', (col) => col.notNull())
    .addColumn('sort_order', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('option_values_pk', ['group_id', 'id'])
    .execute();
  await db.schema
    .createTable('menu_items')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('category_id', 'text', (col) => col.notNull().references('categories.id'))
    .addColumn('name_ko', 'text', (col) => col.notNull())
    .addColumn('name_en', 'text', (col) => col.notNull())
    .addColumn('price', 'integer', (col) => col.notNull())
    .addColumn('image_key', 'text')
    .addColumn('sold_out', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('sort_order', 'integer', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('menu_item_option_groups')
    .addColumn('item_id', 'text', (col) => col.notNull().references('menu_items.id'))
    .addColumn('group_id', 'text', (col) => col.notNull().references('option_groups.id'))
    .addColumn('sort_order', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('menu_item_option_groups_pk', ['item_id', 'group_id'])
    .execute();
  await db.schema
    .createTable('orders')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('order_number', 'integer', (col) => col.notNull())
    .addColumn('business_date', 'text', (col) => col.notNull())
    .addColumn('store_id', 'text', (col) => col.notNull())
    .addColumn('kiosk_id', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) => col.notNull())
    .addColumn('dining_option', 'text', (col) => col.notNull())
    .addColumn('customer_group', 'text', (col) => col.notNull())
    .addColumn('ui_mode', 'text', (col) => col.notNull())
    .addColumn('total', 'integer', (col) => col.notNull())
    .addColumn('idempotency_key', 'text', (col) => col.notNull().unique())
    .addColumn('request_hash', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addUniqueConstraint('orders_number_per_day', ['store_id', 'business_date', 'order_number'])
    .execute();
  await db.schema.createIndex('orders_created_at').on('orders').column('created_at').execute();
  await db.schema
    .createTable('order_lines')
    .addColumn('order_id', 'text', (col) => col.notNull().references('orders.id'))
    .addColumn('line_no', 'integer', (col) => col.notNull())
    .addColumn('item_id', 'text', (col) => col.notNull())
    .addColumn('name_ko', 'text', (col) => col.notNull())
    .addColumn('name_en', 'text', (col) => col.notNull())
    .addColumn('quantity', 'integer', (col) => col.notNull())
    .addColumn('unit_price', 'integer', (col) => col.notNull())
    .addColumn('line_total', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('order_lines_pk', ['order_id', 'line_no'])
    .execute();
  await db.schema
    .createTable('order_line_options')
    .addColumn('order_id', 'text', (col) => col.notNull())
    .addColumn('line_no', 'integer', (col) => col.notNull())
    .addColumn('group_id', 'text', (col) => col.notNull())
    .addColumn('value_id', 'text', (col) => col.notNull())
    .addColumn('name_ko', 'text', (col) => col.notNull())
    .addColumn('name_en', 'text', (col) => col.notNull())
    .addColumn('extra_price', 'integer', (col) => col.notNull())
    .addColumn('position', 'integer', (col) => col.notNull())
    .addPrimaryKeyConstraint('order_line_options_pk', ['order_id', 'line_no', 'group_id'])
    .addForeignKeyConstraint('order_line_options_line', ['order_id', 'line_no'], 'order_lines', ['order_id', 'line_no'])
    .execute();
  await db.schema
    .createTable('payments')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('order_id', 'text', (col) => col.notNull().references('orders.id'))
    .addColumn('method', 'text', (col) => col.notNull())
    .addColumn('terminal', 'text', (col) => col.notNull())
    .addColumn('amount', 'integer', (col) => col.notNull())
    .addColumn('approval_code', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createTable('staff_calls')
    .addColumn('id', 'text', (col) => col.primaryKey())
    .addColumn('store_id', 'text', (col) => col.notNull())
    .addColumn('kiosk_id', 'text', (col) => col.notNull())
    .addColumn('screen', 'text')
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('acknowledged_at', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'staff_calls',
    'payments',
    'order_line_options',
    'order_lines',
    'orders',
    'menu_item_option_groups',
    'menu_items',
    'option_values',
    'option_groups',
    'categories',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
