/**
 * Orders taken while the server is unreachable, kept in the kiosk's IndexedDB until the server has
 * them: a page reload, a browser restart or a power cut of the kiosk PC loses none of them.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { OrderRequest } from '../../../contracts/http';
import { offlineNumber } from '../../../domain/call-number';

export type OfflineOrder = {
  /** The key the server stores the order under: every resend is the same order, never a second. */
  idempotencyKey: string;
  request: OrderRequest & { offline: { number: string } };
  queuedAt: string;
  /** Set when the server refused it outright (4xx): kept on the kiosk rather than dropped, not sent again. */
  refused?: { status: number; message: string };
};

interface OfflineSchema extends DBSchema {
  orders: { key: string; value: OfflineOrder };
  /** How many offline numbers each kiosk id has given out. */
  counters: { key: string; value: { kioskId: string; count: number } };
}

let opened: Promise<IDBPDatabase<OfflineSchema>> | null = null;

function database(): Promise<IDBPDatabase<OfflineSchema>> {
  opened ??= openDB<OfflineSchema>('neulbom-kiosk-offline', 1, {
    upgrade(db) {
      db.createObjectStore('orders', { keyPath: 'idempotencyKey' });
      db.createObjectStore('counters', { keyPath: 'kioskId' });
    },
  });
  return opened;
}

/**
 * Gives the order the kiosk's next offline number and keeps it, both in one transaction: a number
 * is never shown for an order that was not kept, and never given twice.
 */
export async function keepOfflineOrder(request: OrderRequest, idempotencyKey: string, kioskId: string): Promise<OfflineOrder> {
  const tx = (await database()).transaction(['orders', 'counters'], 'readwrite');
  const counters = tx.objectStore('counters');
  const count = ((await counters.get(kioskId))?.count ?? 0) + 1;
  const { payment: _cardNotCharged, ...order } = request;
  const kept: OfflineOrder = { idempotencyKey, request: { ...order, offline: { number: offlineNumber(kioskId, count) } }, queuedAt: new Date().toISOString() };
  await Promise.all([counters.put({ kioskId, count }), tx.objectStore('orders').put(kept), tx.done]);
  return kept;
}

/** Orders still to send, oldest first (refused ones stay kept but are not sent again). */
export async function ordersToSend(): Promise<OfflineOrder[]> {
  const all = await (await database()).getAll('orders');
  return all.filter((order) => !order.refused).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

export async function forgetSentOrder(idempotencyKey: string): Promise<void> {
  await (await database()).delete('orders', idempotencyKey);
}

export async function markRefused(order: OfflineOrder, status: number, message: string): Promise<void> {
  await (await database()).put('orders', { ...order, refused: { status, message } });
}
