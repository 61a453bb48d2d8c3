/**
 * Every screen of both modes through axe-core (WCAG 2.2 AA; AAA contrast in easy mode), and easy
 * mode's own size promises, measured at the kiosk's 1080x1920 portrait size.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, easyModeSizeProblems, type SizeProblem, type Violation } from './support/accessibility';
import { useKioskHarness } from './support/harness';
import { cart, dining, easy, item, menu, nav, openKiosk, payment, waitForPhase, welcome } from './support/kiosk-tour';

const harness = useKioskHarness({ IDLE_WARNING_AFTER_MS: '60000' });

async function auditScreens(page: Page, mode: 'standard' | 'easy', visit: (check: Check) => Promise<void>) {
  const violations: Violation[] = [];
  const sizes: SizeProblem[] = [];
  const screens: string[] = [];
  await visit(async (screen) => {
    await page.evaluate(() => document.fonts.ready);
    screens.push(screen);
    violations.push(...(await axeViolations(page, `${mode}/${screen}`, { enhancedContrast: mode === 'easy' })));
    if (mode === 'easy') sizes.push(...(await easyModeSizeProblems(page, screen)));
  });
  return { violations, sizes, screens };
}

type Check = (screen: string) => Promise<void>;

/** From a cart with something in it to the order number: the screens both modes share, dialogs included. */
async function auditToOrderNumber(page: Page, check: Check, goToDining: () => Promise<void>) {
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

describe('accessibility', () => {
  it('standard mode: no axe violations on any screen', async () => {
    const page = await openKiosk(await harness.newPage(), harness.server.url);
    await page.clock.install();
    const { violations, screens } = await auditScreens(page, 'standard', async (check) => {
      await check('welcome');
      await welcome.startStandard(page);
      await check('menu');
      await menu.openItem(page, 'kimchi-stew');
      await check('item');
      await item.add(page);
      await check('menu-with-order');
      await menu.viewCart(page);
      await check('cart');
      await auditToOrderNumber(page, check, () => cart.order(page));
    });
    expect(screens).toHaveLength(11);
    expect(violations).toEqual([]);
  });

  it('easy mode: no axe violations (with 7:1 contrast), text >= 48px and buttons >= 80x80px on every screen', async () => {
    const page = await openKiosk(await harness.newPage(), harness.server.url);
    await page.clock.install();
    const { violations, sizes, screens } = await auditScreens(page, 'easy', async (check) => {
      await welcome.startEasy(page);
      await check('pick');
      await easy.chooseItem(page, 'kimchi-stew');
      await check('option-question');
      await easy.answer(page, 'mild');
      await easy.answer(page, 'extra');
      await check('how-many');
      await easy.addToOrder(page);
      await check('anything-else');
      await auditToOrderNumber(page, check, () => easy.nothingMore(page));
    });
    expect(screens).toHaveLength(10);
    expect(violations).toEqual([]);
    expect(sizes).toEqual([]);
  });
});
