/**
 * Writes generated order history (recommend/demo-orders.ts) into the database as real orders: priced
 * from the menu like any order, numbered per business day after the orders already there, already
 * picked up (so kitchen and pickup screens stay clear), keys prefixed `demo-` to tell them apart.
 */
import { randomUUID } from 'node:crypto';
import type { Menu } from '../../domain/menu';
import { priceOrder } from '../../domain/pricing';
import { generateDemoOrders, type DemoOrder } from '../../recommend/demo-orders';
import { StoreClock } from '../../recommend/store-clock';
import { DEMO_KEY_PREFIX, type DemoOrderRepository } from '../repositories/demo-order.repository';
import { lineRowsOf, type StoredOrder } from '../repositories/order.repository';

export type DemoOrderStore = { storeId: string; kioskId: string; timeZone: string };

export class DemoOrdersExistError extends Error {}

/** Orders per transaction: large enough to be quick, small enough not to hold up a running kiosk. */
const BATCH = 1000;

export async function seedDemoOrders(repository: DemoOrderRepository, menu: Menu, orders: readonly DemoOrder[], store: DemoOrderStore, replace: boolean): Promise<{ orders: number; lines: number }> {
  const existing = await repository.count(store.storeId);
  if (existing > 0 && !replace) {
    throw new DemoOrdersExistError(`the database already holds ${existing} demo orders; run again with --replace to write new ones in their place.`);
  }
  if (existing > 0) await repository.deleteAll(store.storeId);
  if (orders.length === 0) return { orders: 0, lines: 0 };

  // History is history: a dish sold out today was on sale then.
  const pricingMenu: Menu = { ...menu, items: menu.items.map((item) => ({ ...item, soldOut: false })) };
  const clock = new StoreClock(store.timeZone);
  const dates = orders.map((order) => clock.dateOf(order.createdAt));
  const lastNumbers = await repository.lastOrderNumbers(store.storeId, dates.reduce((first, date) => (date < first ? date : first)));
  let lines = 0;
  let batch: StoredOrder[] = [];
  for (const [index, order] of orders.entries()) {
    const businessDate = dates[index]!;
    const orderNumber = (lastNumbers.get(businessDate) ?? 0) + 1;
    lastNumbers.set(businessDate, orderNumber);
    const stored = toStoredOrder(pricingMenu, order, businessDate, orderNumber, store);
    lines += stored.lines.length;
    batch.push(stored);
    if (batch.length === BATCH) {
      await repository.insertBatch(batch);
      batch = [];
    }
  }
  await repository.insertBatch(batch);
  return { orders: orders.length, lines };
}

function toStoredOrder(menu: Menu, order: DemoOrder, businessDate: string, orderNumber: number, store: DemoOrderStore): StoredOrder {
  const pricing = priceOrder(menu, order.lines);
  if (!pricing.ok) throw new Error(`A generated order does not fit the menu: ${pricing.problems.map((problem) => problem.message).join(' ')}`);
  const id = randomUUID();
  const createdAt = new Date(order.createdAt).toISOString();
  return {
    order: {
      id,
      order_number: orderNumber,
      business_date: businessDate,
      store_id: store.storeId,
      kiosk_id: store.kioskId,
      status: 'picked_up',
      dining_option: order.diningOption,
      customer_group: order.group,
      ui_mode: order.uiMode,
      voice_used: order.voiceUsed ? 1 : 0,
      total: pricing.order.total,
      idempotency_key: `${DEMO_KEY_PREFIX}${id}`,
      request_hash: 'demo',
      offline_number: null,
      created_at: createdAt,
      cancelled_at: null,
      cancelled_by: null,
      cancel_reason: null,
    },
    ...lineRowsOf(id, pricing.order),
    payment: { id: randomUUID(), order_id: id, method: 'card', terminal: 'simulated', amount: pricing.order.total, approval_code: `DEMO${String(orderNumber).padStart(4, '0')}`, created_at: createdAt, paid_at: createdAt, settled_with: null, refunded_at: null, refund_code: null },
  };
}

/**
 * `npm start` on a fresh database: two months of generated history, so the kiosk's suggestions and
 * the console's analytics mean something from the first minute. Never on a store that has orders.
 */
export async function seedHistoryOnFirstStart(repository: DemoOrderRepository, menu: Menu, store: DemoOrderStore): Promise<number> {
  if (await repository.storeHasOrders(store.storeId)) return 0;
  const history = generateDemoOrders(menu, { days: 60, perDay: 200, seed: 1, end: Date.now(), timeZone: store.timeZone });
  return (await seedDemoOrders(repository, menu, history, store, false)).orders;
}
