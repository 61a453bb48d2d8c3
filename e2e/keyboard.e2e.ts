/** A whole order with the keyboard alone (a physical keypad sends the same keys), with focus always visible. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useKioskHarness } from './support/harness';
import { openKiosk, waitForPhase } from './support/kiosk-tour';

const harness = useKioskHarness();

/** Presses Tab until the focused element matches, checking on the way that focus is drawn. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let presses = 0; presses < 80; presses += 1) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate((wanted) => {
      const active = document.activeElement;
      if (!active || active === document.body) return { matches: false, outline: 0 };
      return { matches: active.matches(wanted), outline: parseFloat(getComputedStyle(active).outlineWidth) };
    }, selector);
    if (focus.outline < 3) throw new Error(`Focus is not visible on the element before ${selector}.`);
    if (focus.matches) return;
  }
  throw new Error(`Tab never reached ${selector}.`);
}

describe('keyboard only', () => {
  it('orders a dish with options using Tab, arrow keys, Enter and Space', async () => {
    const page = await openKiosk(await harness.newPage(), harness.server.url);
    await tabTo(page, '.welcome-choices .big-choice.standard-start');
    await page.keyboard.press('Enter');
    await tabTo(page, '.item-grid .item-card[data-item-id="yukgaejang"]');
    await page.keyboard.press('Enter');
    await waitForPhase(page, 'configure');
    await tabTo(page, 'input[name="option-spice"]:checked');
    await page.keyboard.press('ArrowRight'); // 보통 → 순한맛
    await tabTo(page, '.add-to-order');
    await page.keyboard.press('Enter');
    await tabTo(page, '.cart-bar .action.primary');
    await page.keyboard.press('Enter');
    await tabTo(page, '.cart-screen .screen-actions .action.primary');
    await page.keyboard.press('Space');
    await tabTo(page, '.dining-screen .big-choice');
    await page.keyboard.press('Enter');
    await tabTo(page, '.card-simulator .action.primary');
    await page.keyboard.press('Enter');
    await waitForPhase(page, 'done');
    const order = await harness.server.db.selectFrom('orders').selectAll().orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    const options = await harness.server.db.selectFrom('order_line_options').selectAll().where('order_id', '=', order.id).orderBy('position').execute();
    expect(options.map((option) => `${option.group_id}=${option.value_id}`)).toEqual(['spice=mild', 'rice=none']);
  });
});
