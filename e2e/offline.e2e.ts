/**
 * Nothing lost when the server goes away mid-order: the kiosk takes the order with a number of its
 * own, to be paid at the counter, keeps it in IndexedDB through a reload, and the server, once back
 * on the same database and port, stores it exactly once under that number. An order the server
 * refuses when it is back is kept on the kiosk and staff are called with its number.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations } from './support/accessibility';
import { useKioskHarness } from './support/harness';
import { done, oneDishToPayment, openKiosk, payment, waitForPhase } from './support/kiosk-tour';

const harness = useKioskHarness();

/** One kiosk (one browser profile, so one IndexedDB) for the whole file, as in a shop. */
let kiosk: Promise<Page> | undefined;
const kioskPage = () => (kiosk ??= harness.newPage());

const ordersNumbered = (offlineNumber: string) =>
  harness.server.db.selectFrom('orders').innerJoin('payments', 'payments.order_id', 'orders.id').select(['orders.total', 'orders.kiosk_id', 'payments.method', 'payments.amount']).where('offline_number', '=', offlineNumber).execute();

/** To the payment screen with one dish in the cart: 군만두, to take out (6,000원). */
const orderDumplings = (page: Page) => oneDishToPayment(page, 'gun-mandu', '사이드');

/** The server is down: the card cannot go through, and the kiosk says so and offers the counter. */
async function payAtCounterWhileOffline(page: Page): Promise<string> {
  await payment.insertApprovedCard(page);
  await page.locator('.payment-screen .pay-at-counter').waitFor();
  expect(await payment.message(page)).toContain('카운터에서 결제해 주세요');
  expect(await axeViolations(page, 'payment-offline', { enhancedContrast: false })).toEqual([]);
  await payment.payAtCounter(page);
  await waitForPhase(page, 'done');
  expect(await page.getByTestId('pay-at-counter').innerText()).toContain('카운터에서 6,000원을 결제해 주세요');
  expect(await axeViolations(page, 'done-pay-at-counter', { enhancedContrast: false })).toEqual([]);
  return done.callNumber(page);
}

async function keptOnKiosk(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('neulbom-kiosk-offline');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const count = request.result.transaction('orders').objectStore('orders').count();
          count.onsuccess = () => resolve(count.result);
        };
      }),
  );
}

/**
 * Chromium may still be committing its own error page for the reload that failed during the outage;
 * a navigation started meanwhile is cut short by it, so the kiosk is opened again until one lands.
 */
async function gotoAfterOutage(page: Page, url: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await page.goto(url);
      return;
    } catch (error) {
      if (attempt === 5 || !String(error).includes('interrupted by another navigation')) throw error;
      await page.waitForTimeout(250);
    }
  }
}

describe('offline orders', () => {
  it('keeps an order taken during an outage through a reload and delivers it once, under the kiosk number', async () => {
    const page = await openKiosk(await kioskPage(), harness.server.url);
    await orderDumplings(page);
    await harness.server.stop();

    const number = await payAtCounterWhileOffline(page);
    expect(number).toBe('K1-1');
    expect(await keptOnKiosk(page)).toBe(1);

    // Reloading during the outage: the page cannot even load, but the kept order is in IndexedDB.
    await page.reload().catch(() => undefined);
    expect(await page.locator('.kiosk').count()).toBe(0);
    await harness.server.restart();
    expect(await ordersNumbered(number)).toHaveLength(0);
    await gotoAfterOutage(page, harness.server.url);

    await expect.poll(() => ordersNumbered(number), { timeout: 20_000 }).toHaveLength(1);
    expect(await ordersNumbered(number)).toEqual([{ total: 6000, kiosk_id: 'kiosk-1', method: 'counter', amount: 6000 }]);
    await expect.poll(() => keptOnKiosk(page)).toBe(0);
  });

  it('sends an order kept while the page stayed open as soon as the server is back, with the next kiosk number', async () => {
    const page = await openKiosk(await kioskPage(), harness.server.url);
    await orderDumplings(page);
    await harness.server.stop();
    const number = await payAtCounterWhileOffline(page);
    await harness.server.restart();

    await expect.poll(() => ordersNumbered(number), { timeout: 30_000 }).toHaveLength(1);
    await expect.poll(() => keptOnKiosk(page)).toBe(0);
    expect(number).toBe('K1-2');
    // Sent once: nothing is sent again after the answer.
    await page.waitForTimeout(2000);
    expect(await ordersNumbered(number)).toHaveLength(1);
  });

  it('calls staff with the number of an order the server refuses once back, and keeps it on the kiosk', async () => {
    const page = await openKiosk(await kioskPage(), harness.server.url);
    await orderDumplings(page);
    // The dish leaves the menu while the kiosk still shows it (the last test: the file's other orders are done).
    await harness.server.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('menu_item_aliases').where('item_id', '=', 'gun-mandu').execute();
      await trx.deleteFrom('menu_item_option_groups').where('item_id', '=', 'gun-mandu').execute();
      await trx.deleteFrom('menu_items').where('id', '=', 'gun-mandu').execute();
    });
    await harness.server.stop();
    const number = await payAtCounterWhileOffline(page);
    await harness.server.restart();

    const calls = () => harness.server.db.selectFrom('staff_calls').select(['kiosk_id', 'refused_offline_number']).where('refused_offline_number', 'is not', null).execute();
    await expect.poll(calls, { timeout: 30_000 }).toEqual([{ kiosk_id: 'kiosk-1', refused_offline_number: number }]);
    expect(await ordersNumbered(number)).toHaveLength(0);
    expect(await keptOnKiosk(page)).toBe(1);
    // Refused as it stands: not sent again, and staff are not called twice.
    await page.waitForTimeout(3000);
    expect(await calls()).toHaveLength(1);
  });
});
