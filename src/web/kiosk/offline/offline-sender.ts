/**
 * Sends the kept offline orders until the server has each one, oldest first, backing off while it
 * is away. Runs from page load (before the menu is there), so orders kept before a reload go too.
 */
import { backoffMs } from '../../../shared/retry';
import { ApiError, isTransientFailure, kioskApi } from '../api/kiosk-api';
import { forgetSentOrder, markRefused, ordersToSend } from './offline-orders';

const FIRST_RETRY_MS = 1000;
const LONGEST_RETRY_MS = 30_000;

let attempt = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let sending: Promise<void> | null = null;

/** Sends what is kept now; called at start, after an order is kept, and when the browser is back online. */
export function sendOfflineOrders(): Promise<void> {
  clearTimeout(timer);
  sending ??= sendAll().finally(() => (sending = null));
  return sending;
}

async function sendAll(): Promise<void> {
  for (const order of await ordersToSend()) {
    try {
      await kioskApi.placeOrder(order.request, order.idempotencyKey);
      await forgetSentOrder(order.idempotencyKey);
      attempt = 0;
    } catch (error) {
      if (!isTransientFailure(error)) {
        // Refused as it stands (a dish removed from the menu meanwhile): sending it again cannot help.
        await markRefused(order, error instanceof ApiError ? error.status : 0, error instanceof Error ? error.message : String(error));
        continue;
      }
      timer = setTimeout(() => void sendOfflineOrders(), backoffMs(attempt++, FIRST_RETRY_MS, LONGEST_RETRY_MS));
      return;
    }
  }
}

export function startOfflineSender(): void {
  window.addEventListener('online', () => void sendOfflineOrders());
  void sendOfflineOrders();
}
