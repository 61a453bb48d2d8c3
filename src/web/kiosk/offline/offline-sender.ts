/**
 * Sends the kept offline orders until the server has each one, oldest first, backing off while it
 * is away. Runs from page load (before the menu is there), so orders kept before a reload go too.
 * An order the server refuses outright is kept, not sent again, and staff are called: its customer
 * holds the number and will come to the counter.
 */
import { backoffMs } from '../../../shared/retry';
import { ApiError, isTransientFailure, kioskApi } from '../api/kiosk-api';
import { forgetSentOrder, markRefused, ordersToSend, type OfflineOrder } from './offline-orders';
import { problemText } from '../../shared/problem-text';

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
      if (!(await setAsideIfRefused(order, error))) {
        timer = setTimeout(() => void sendOfflineOrders(), backoffMs(attempt++, FIRST_RETRY_MS, LONGEST_RETRY_MS));
        return;
      }
    }
  }
}

/**
 * When the server refused the order as it stands (a dish removed from the menu meanwhile), sending
 * it again cannot help: staff are called and it is set aside (true). A missing or revoked pairing
 * (401) is not that: the order goes once staff pair the kiosk again. Staff are called first, so a
 * call that fails leaves the order to be tried again.
 */
async function setAsideIfRefused(order: OfflineOrder, error: unknown): Promise<boolean> {
  if (isTransientFailure(error) || (error instanceof ApiError && error.status === 401)) return false;
  try {
    await kioskApi.callStaff({ refusedOfflineNumber: order.request.offline.number });
  } catch {
    return false;
  }
  await markRefused(order, error instanceof ApiError ? error.status : 0, problemText(error));
  return true;
}

export function startOfflineSender(): void {
  window.addEventListener('online', () => void sendOfflineOrders());
  void sendOfflineOrders();
}
