/**
 * Menu text is shown as text: a dish renamed in the console to markup (an image with an onerror
 * handler, a script tag) reads literally on the kiosk, the console and the kitchen display, and
 * runs nothing. Every page also carries the server's strict Content-Security-Policy.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EMBEDDED_BROKER } from '../src/test-support/test-server';
import { createConsoleUser, consolePages, signIn } from './support/console-pages';
import { kitchen, openDevicePage } from './support/device-pages';
import { useKioskHarness } from './support/harness';
import { menu, openKiosk, welcome } from './support/kiosk-tour';

const harness = useKioskHarness(EMBEDDED_BROKER);
const HOSTILE = { ko: '<img src=x onerror=window.pwned=1>', en: '<script>window.pwned=2</script>', aliases: ['<b>콜라</b>'] };

/** What hostile markup would leave behind if it ran or were parsed as HTML. */
async function markupEffects(page: Page): Promise<{ ran: unknown; injected: number }> {
  return page.evaluate(() => ({
    ran: (window as unknown as { pwned?: unknown }).pwned ?? null,
    injected: document.querySelectorAll('img[src="x"], body script:not([src]), b').length,
  }));
}

describe('menu text from the console', () => {
  it('shows a dish renamed to markup as text on the kiosk, the console and the kitchen display, and runs nothing', async () => {
    const password = await createConsoleUser(harness.server, 'owner-markup', 'owner');
    const consolePage = await signIn(await harness.newPage({ viewport: { width: 1440, height: 900 } }), harness.server.url, 'owner-markup', password);
    const renamed = await consolePage.evaluate(async (patch) => {
      const response = await fetch('/api/admin/menu/items/cola', { method: 'PATCH', headers: { 'content-type': 'application/json', 'x-neulbom-console': '1' }, body: JSON.stringify(patch) });
      return response.status;
    }, HOSTILE);
    expect(renamed).toBe(200);

    await consolePages.open(consolePage, 'menu');
    const row = consolePages.menuRow(consolePage, 'cola');
    // An owner edits the names in inputs (as values); the row's labels show the name as text.
    await expect.poll(() => row.locator('input[name="dishKo"]').inputValue()).toBe(HOSTILE.ko);
    expect(await row.locator('input[name="dishEn"]').inputValue()).toBe(HOSTILE.en);
    expect(await row.innerText()).toContain(HOSTILE.ko);
    expect(await markupEffects(consolePage)).toEqual({ ran: null, injected: 0 });

    const kiosk = await openKiosk(await harness.newPage(), harness.server.url);
    await welcome.startStandard(kiosk);
    await menu.chooseCategory(kiosk, '음료');
    const card = kiosk.locator('.item-grid .item-card[data-item-id="cola"]');
    expect(await card.innerText()).toContain(HOSTILE.ko);
    await menu.openItem(kiosk, 'cola');
    await kiosk.locator('.item-screen').waitFor();
    expect(await kiosk.locator('.item-screen').innerText()).toContain(HOSTILE.ko);
    expect(await markupEffects(kiosk)).toEqual({ ran: null, injected: 0 });

    const board = await openDevicePage(await harness.newPage({ viewport: { width: 1920, height: 1080 } }), harness.server, 'kitchen', 'kitchen-markup');
    const placed = await fetch(`${harness.server.url}/api/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items: [{ itemId: 'cola', quantity: 1 }], diningOption: 'dine_in' }) });
    const { orderNumber } = (await placed.json()) as { orderNumber: number };
    await kitchen.card(board, orderNumber).waitFor();
    expect(await kitchen.card(board, orderNumber).innerText()).toContain(HOSTILE.ko);
    expect(await markupEffects(board)).toEqual({ ran: null, injected: 0 });
  });

  it('serves every page with the strict policy', async () => {
    const page = await harness.newPage();
    for (const path of ['/', '/admin/', '/devices/kitchen.html', '/devices/pickup.html', '/devices/pager.html']) {
      const response = await page.goto(`${harness.server.url}${path}`);
      const csp = (await response!.allHeaders())['content-security-policy'] ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(csp, path).toContain("frame-ancestors 'none'");
    }
  });
});
