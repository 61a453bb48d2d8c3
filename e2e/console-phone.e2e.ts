/**
 * The console on a phone, 390 px wide: every page fits the screen (no sideways scrolling), its
 * tables read as lists of cards with each value named, and every target is at least 44 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './support/accessibility';
import { consolePages, createConsoleUser, signIn } from './support/console-pages';
import { useKioskHarness } from './support/harness';
import { placeOrder } from './support/orders';

const harness = useKioskHarness();
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const PAGES = ['orders', 'analytics', 'menu', 'calls', 'devices', 'printers', 'review', 'models', 'settings'] as const;
const MIN_TARGET_PX = 44;

/** What does not fit a phone: the page's width beyond the screen, table rows not shown as cards, targets under 44 px. */
function phoneProblems(minTarget: number) {
  const visible = (element: Element) => {
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && !element.closest('.visually-hidden');
  };
  const name = (element: Element) => `${element.tagName.toLowerCase()} "${(element.textContent ?? element.getAttribute('name') ?? '').trim().slice(0, 40)}"`;
  const targets = [...document.querySelectorAll('a[href], button, select, input:not([type="checkbox"]):not([type="radio"]), label:has(input[type="checkbox"])')].filter(visible);
  return {
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    rowsNotCards: [...document.querySelectorAll('.table tbody tr')].filter((row) => getComputedStyle(row).display !== 'block').length,
    unlabelledCells: [...document.querySelectorAll('.table tbody td')].filter((cell) => visible(cell) && cell.textContent?.trim() && !cell.getAttribute('data-label')).length,
    smallTargets: targets.filter((element) => {
      const box = element.getBoundingClientRect();
      return box.height < minTarget || box.width < minTarget;
    }).map((element) => {
      const box = element.getBoundingClientRect();
      return `${name(element)} ${Math.round(box.width)}×${Math.round(box.height)}`;
    }),
  };
}


async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
}

describe('the console on a phone', () => {
  it('fits every page in 390 px, with tables as lists and 44 px targets', async () => {
    await harness.server.printing.add({ name: '가상 프린터', connection: 'virtual', tickets: ['order', 'kitchen'] });
    await placeOrder(harness.server, [{ itemId: 'kimchi-stew', quantity: 1, options: { spice: 'mild' } }], 'takeout');
    const password = await createConsoleUser(harness.server, 'owner-phone', 'owner');
    const page = await signIn(await harness.newPage(PHONE), harness.server.url, 'owner-phone', password);
    for (const name of PAGES) {
      await consolePages.open(page, name);
      await page.locator(`.console-nav a[href="#${name}"][aria-current="page"]`).waitFor();
      await settle(page);
      const problems = await page.evaluate(phoneProblems, MIN_TARGET_PX);
      expect({ page: name, ...problems }).toEqual({ page: name, overflow: 0, rowsNotCards: 0, unlabelledCells: 0, smallTargets: [] });
    }
    // The orders list reads as cards: the order's number and its items, each named.
    await consolePages.open(page, 'orders');
    await settle(page);
    const firstCard = page.locator('.table tbody tr').first();
    expect(await firstCard.evaluate((row) => getComputedStyle(row).display)).toBe('block');
    expect(await axeViolations(page, 'console orders on a phone', { enhancedContrast: false })).toEqual([]);
  });
});
