/**
 * Every screen of each mode, dialogs included, from the welcome screen to the order number, with
 * a check run on each: the accessibility tests run axe, sizes, reach and zoom checks through it.
 * The page needs Playwright's clock installed and the server's idle warning at 60 s.
 */
import type { Page } from 'playwright-core';
import { cart, dining, easy, item, menu, nav, payment, waitForPhase, welcome } from './kiosk-tour';

export type ScreenCheck = (screen: string) => Promise<void>;

/** How many screens each tour checks. */
export const TOUR_SCREENS = { standard: 11, easy: 10 } as const;

/** From a cart with something in it to the order number: the screens both modes share, dialogs included. */
async function toOrderNumber(page: Page, check: ScreenCheck, goToDining: () => Promise<void>) {
  await nav.home(page);
  await page.locator('.confirm-dialog').waitFor();
  await check('start-over-confirm');
  await page.locator('.confirm-dialog .action:not(.primary)').click();
  await goToDining();
  await check('dining');
  await dining.dineIn(page);
  await check('payment');
  await payment.insertDeclinedCard(page);
  await page.locator('.payment-message.is-error').waitFor();
  await check('payment-declined');
  await page.clock.fastForward(61_000);
  await page.locator('.idle-dialog').waitFor();
  await check('idle-warning');
  await page.locator('.idle-dialog .action').click();
  await payment.insertApprovedCard(page);
  await waitForPhase(page, 'done');
  await check('order-number');
}

export async function tourStandardScreens(page: Page, check: ScreenCheck): Promise<void> {
  await check('welcome');
  await welcome.startStandard(page);
  await check('menu');
  await menu.openItem(page, 'kimchi-stew');
  await check('item');
  await item.add(page);
  await check('menu-with-order');
  await menu.viewCart(page);
  await check('cart');
  await toOrderNumber(page, check, () => cart.order(page));
}

export async function tourEasyScreens(page: Page, check: ScreenCheck): Promise<void> {
  await welcome.startEasy(page);
  await check('pick');
  await easy.chooseItem(page, 'kimchi-stew');
  await check('option-question');
  await easy.answer(page, 'mild');
  await easy.answer(page, 'extra');
  await check('how-many');
  await easy.addToOrder(page);
  await check('anything-else');
  await toOrderNumber(page, check, () => easy.nothingMore(page));
}
