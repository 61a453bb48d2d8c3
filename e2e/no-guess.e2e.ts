/**
 * The camera's guess is never shown or said: every screen of both modes, in both languages, for a
 * customer the store's suggestions take for a senior woman (her group's favourites are on screen),
 * with everything the kiosk says recorded (다시 듣기 on every screen, for standard mode's words). No customer-group word may appear in either.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { generateDemoOrders } from '../src/recommend/demo-orders';
import { DemoOrderRepository } from '../src/server/repositories/demo-order.repository';
import { MenuRepository } from '../src/server/repositories/menu.repository';
import { seedDemoOrders } from '../src/server/seed/seed-demo-orders';
import { MenuService } from '../src/server/services/menu.service';
import { groupWordsIn } from '../src/test-support/group-words';
import { spokenTexts, useKioskHarness } from './support/harness';
import { cart, dining, easy, header, item, menu, openKiosk, payment, waitForPhase, welcome } from './support/kiosk-tour';

// Lunchtime in Seoul, so suggestions learned from a month of lunchtime orders apply.
const LUNCH = new Date('2026-11-27T03:30:00Z');
const harness = useKioskHarness({}, [], () => LUNCH);

beforeAll(async () => {
  const storeMenu = await new MenuService(new MenuRepository(harness.server.db)).getMenu();
  const history = generateDemoOrders(storeMenu, { days: 30, perDay: 150, seed: 5, end: LUNCH.getTime(), timeZone: harness.server.config.timeZone });
  await seedDemoOrders(new DemoOrderRepository(harness.server.db), storeMenu, history, harness.server.config, false);
});

/**
 * A kiosk whose camera decided "senior_female": the camera is off in tests, so the decision goes
 * into the kiosk's own question to the real server, which answers with that group's favourites.
 */
async function kioskForSeniorWoman(language: 'ko' | 'en'): Promise<Page> {
  const page = await harness.newPage();
  await page.route('**/api/recommendations?**', (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set('group', 'senior_female');
    return route.continue({ url: url.toString() });
  });
  await openKiosk(page, harness.server.url);
  if (language === 'en') await header.toggleLanguage(page);
  return page;
}

/** What a customer sees on the screen, and what a screen reader reads of labels. */
async function screenText(page: Page): Promise<string> {
  return page.evaluate(`(() => [document.body.innerText, ...[...document.querySelectorAll('[aria-label]')].map((element) => element.getAttribute('aria-label'))].join('\\n'))()`) as Promise<string>;
}

/** Easy mode's suggestions are a page like any other: they too must fit without scrolling. */
async function mainScrolls(page: Page): Promise<boolean> {
  return page.evaluate(`(() => { const main = document.querySelector('.kiosk-main'); return main.scrollHeight > main.clientHeight; })()`) as Promise<boolean>;
}

type Visit = (see: (screen: string) => Promise<void>) => Promise<void>;

const STANDARD_VISIT =
  (page: Page): Visit =>
  async (see) => {
    await see('welcome');
    await welcome.startStandard(page);
    await page.locator('.menu-screen .recommended').waitFor();
    await see('menu with suggestions');
    await menu.openItem(page, 'kimchi-stew');
    await see('dish');
    await item.add(page);
    await menu.viewCart(page);
    await see('cart');
    await cart.order(page);
    await see('dining');
    await dining.dineIn(page);
    await see('payment');
    await payment.insertDeclinedCard(page);
    await page.locator('.payment-message.is-error').waitFor();
    await see('declined');
    await payment.insertApprovedCard(page);
    await waitForPhase(page, 'done');
    await see('order number');
  };

const EASY_VISIT =
  (page: Page): Visit =>
  async (see) => {
    await welcome.startEasy(page);
    await page.locator('.easy-pick .recommended').waitFor();
    await see('dish list with suggestions');
    expect(await mainScrolls(page)).toBe(false);
    await easy.chooseItem(page, 'kimchi-stew');
    await see('option question');
    await easy.answer(page, 'mild');
    await easy.answer(page, 'none');
    await see('how many');
    await easy.addToOrder(page);
    await see('anything else');
    await easy.addMore(page);
    await see('dish list with a cart');
    expect(await mainScrolls(page)).toBe(false);
    await easy.order(page);
    await see('dining');
    await dining.takeout(page);
    await see('payment');
    await payment.insertApprovedCard(page);
    await waitForPhase(page, 'done');
    await see('order number');
  };

describe('no guess on screen', () => {
  for (const language of ['ko', 'en'] as const) {
    for (const [mode, visit] of [['standard', STANDARD_VISIT], ['easy', EASY_VISIT]] as const) {
      it(`${mode} mode in ${language}: no customer-group word is shown or said, while the group's suggestions are on screen`, async () => {
        const page = await kioskForSeniorWoman(language);
        const shown: { screen: string; words: string[] }[] = [];
        let suggestionsSeen = 0;
        await visit(page)(async (screen) => {
          await page.evaluate(() => document.fonts.ready);
          shown.push({ screen, words: groupWordsIn(await screenText(page)) });
          suggestionsSeen += await page.locator('[data-reason="group"]').count();
          // Standard mode speaks when asked: ask on every screen, so its words are heard too.
          await header.replay(page);
        });
        // The test means something only if the group's favourites were there to be described.
        expect(suggestionsSeen).toBeGreaterThan(0);
        expect(shown.filter((entry) => entry.words.length > 0)).toEqual([]);
        const spoken = await spokenTexts(page);
        expect(spoken.length).toBeGreaterThan(0);
        expect(spoken.flatMap((entry) => groupWordsIn(entry.text))).toEqual([]);
      });
    }
  }
});
