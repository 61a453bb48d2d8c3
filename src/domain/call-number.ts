/** The numbers customers are called by: the server's number of the day, or a kiosk's own while it was offline. */

/**
 * The number a customer is called by: the kiosk's own number for an order taken offline (it is what
 * their screen showed), otherwise the server's number of the day.
 */
export function callNumber(order: { orderNumber: number; offlineNumber?: string | undefined }): string {
  return order.offlineNumber ?? String(order.orderNumber);
}

/** Offline numbers go round after this, long before a store sees that many offline orders in a day. */
const OFFLINE_COUNT_LIMIT = 9999;

/**
 * A kiosk's own number for its n-th offline order: its letters, a dash, the count (`kiosk-1` → `K1-7`).
 * The letters keep it apart from the server's plain numbers and from other kiosks' offline numbers.
 */
export function offlineNumber(kioskId: string, count: number): string {
  const digits = kioskId.match(/\d+/g)?.join('');
  const letters = digits ? `K${digits.slice(-7)}` : `K${kioskId.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 7)}`;
  return `${letters}-${((count - 1) % OFFLINE_COUNT_LIMIT) + 1}`;
}
