/**
 * Easy mode without traps, at the kiosk's 1080x1920: the cart and 주문할게요 on every easy screen
 * once something is chosen, a page of dishes that never needs scrolling, every message on screen
 * and repeatable (a declined card included), and the staff pager's answer shown and said.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { EMBEDDED_BROKER } from '../src/test-support/test-server';
import { openDevicePage, pager } from './support/device-pages';
import { spokenTexts, useKioskHarness } from './support/harness';
import { announcement, dining, easy, header, nav, openKiosk, payment, phaseOf, waitForPhase, welcome } from './support/kiosk-tour';

// The pager reaches the broker over WebSocket: the embedded broker, as in devices.e2e.ts.
const harness = useKioskHarness(EMBEDDED_BROKER);

/** Where the page stands: nothing scrolls as a whole, and every control of the easy frame is in view. */
async function layoutOf(page: Page) {
  return page.evaluate(`(() => {
    const inView = (selector) => [...document.querySelectorAll(selector)].every((element) => {
      const box = element.getBoundingClientRect();
      return box.height > 0 && box.top >= 0 && box.bottom <= innerHeight;
    });
    const main = document.querySelector('.kiosk-main');
    return {
      pageScrolls: document.documentElement.scrollHeight > innerHeight,
      mainScrolls: main.scrollHeight > main.clientHeight,
      headerInView: inView('.kiosk-header .header-button'),
      navInView: inView('.nav-bar .nav-back') && inView('.nav-bar .nav-home'),
      cartInView: inView('.easy-cart-bar'),
    };
  })()`) as Promise<{ pageScrolls: boolean; mainScrolls: boolean; headerInView: boolean; navInView: boolean; cartInView: boolean }>;
}

describe('easy mode without traps', () => {
  it('shows the cart, 주문할게요, 이전 and 처음으로 on every easy screen once a dish is chosen, each one tap from paying', async () => {
    const page = await openKiosk(await harness.newPage(), harness.server.url);
    await welcome.startEasy(page);
    await easy.chooseItem(page, 'cola');
    await easy.addToOrder(page);
    const cart = '담은 메뉴 1개 · 2,000원';

    // Each easy screen, reached from the order so far; on each, the frame and a one-tap way on.
    const screens: { name: string; reach: () => Promise<void>; payTap: string }[] = [
      { name: 'anything else', reach: async () => undefined, payTap: '.easy-more .big-choice.primary' },
      { name: 'dish list', reach: () => easy.addMore(page), payTap: '.easy-cart-bar .easy-order' },
      { name: 'option question', reach: () => easy.chooseItem(page, 'kimchi-stew'), payTap: '.easy-cart-bar .easy-order' },
      { name: 'how many', reach: async () => (await easy.answer(page, 'mild'), easy.answer(page, 'none')), payTap: '.easy-cart-bar .easy-order' },
    ];
    for (const screen of screens) {
      await screen.reach();
      expect(await easy.cartSummary(page), screen.name).toBe(cart);
      expect(await layoutOf(page), screen.name).toMatchObject({ pageScrolls: false, headerInView: true, navInView: true, cartInView: true });
      expect(await page.locator(screen.payTap).isEnabled(), screen.name).toBe(true);
    }
    // The step count is honest about the dish's own questions too.
    expect(await easy.progress(page)).toBe('4단계 중 1단계 · 3단계 남았어요 · 질문 3개 중 3번째');
    // From the dish being chosen, 주문할게요 goes straight on to pay for what is in the cart.
    await easy.order(page);
    await waitForPhase(page, 'dining');
    expect(await easy.cartSummary(page)).toBe(cart);
    expect(await layoutOf(page)).toMatchObject({ pageScrolls: false, navInView: true, cartInView: true });
    await dining.takeout(page);
    expect(await easy.cartSummary(page)).toBe(cart);
    expect(await page.locator('.payment-amount strong').innerText()).toBe('2,000원');

    // Back from payment, back from dining, and from the dish list back to the order: never a dead end.
    await nav.back(page);
    await nav.back(page);
    await waitForPhase(page, 'review');
    await easy.addMore(page);
    await nav.back(page);
    await waitForPhase(page, 'review');
    // The cart summary in the bar opens the order itself.
    await easy.addMore(page);
    await page.locator('.easy-cart-bar .easy-cart-summary').click();
    await waitForPhase(page, 'review');
  });

  it.each(['ko', 'en'] as const)('shows every dish a page at a time, with no scrolling, before and after something is in the cart (%s)', async (language) => {
    const page = await openKiosk(await harness.newPage(), harness.server.url);
    const storeMenu = (await (await fetch(`${harness.server.url}/api/menu`)).json()) as { categories: { id: string }[]; items: { id: string; categoryId: string }[] };
    if (language === 'en') await header.toggleLanguage(page);
    await welcome.startEasy(page);
    const sections = page.locator('.easy-pick .category-tab:not(.suggestions-tab)');
    for (const withCart of [false, true]) {
      if (withCart) {
        await easy.chooseItem(page, 'sikhye');
        await easy.addToOrder(page);
        await easy.addMore(page);
      }
      for (const [index, category] of storeMenu.categories.entries()) {
        await sections.nth(index).click();
        const seen: string[] = [];
        for (;;) {
          const layout = await layoutOf(page);
          expect(layout, `${category.id}, cart ${withCart}`).toMatchObject({ pageScrolls: false, mainScrolls: false, headerInView: true, navInView: true });
          const onPage = await page.locator('.easy-pick .dish-page .item-card').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-item-id') ?? ''));
          expect(onPage.length).toBeLessThanOrEqual(4);
          seen.push(...onPage);
          const next = page.locator('.easy-pick .dish-page-next');
          if ((await next.count()) === 0 || (await next.isDisabled())) break;
          await easy.nextPage(page);
        }
        expect(seen).toEqual(storeMenu.items.filter((item) => item.categoryId === category.id).map((item) => item.id));
      }
    }
  });

  it('says a declined card in easy mode, shows it, and 다시 듣기 repeats it', async () => {
    const page = await openKiosk(await harness.newPage(), harness.server.url);
    await easy.toPayment(page, 'cola');
    await payment.insertDeclinedCard(page);
    await page.locator('.payment-message.is-error').waitFor();
    const declined = '카드가 승인되지 않았어요. 다른 카드로 다시 해 주세요.';
    await expect.poll(async () => (await spokenTexts(page)).at(-1)?.text).toBe(declined);
    expect(await announcement(page)).toBe(declined);
    const before = (await spokenTexts(page)).length;
    await header.replay(page);
    await expect.poll(async () => (await spokenTexts(page)).slice(before).map((entry) => entry.text)).toEqual([declined]);
  });

  it("shows and says when staff have answered the call on the pager, and forgets the call for the next customer", async () => {
    const pagerPage = await openDevicePage(await harness.newPage({ viewport: { width: 1280, height: 800 } }), harness.server, 'pager', 'pager-easy-e2e');
    const page = await openKiosk(await harness.newPage(), harness.server.url);
    await welcome.startEasy(page);
    await header.callStaff(page);
    await page.locator('.staff-notice', { hasText: '직원을 불렀어요' }).waitFor();
    expect(await announcement(page)).toBe('직원을 불렀어요. 잠시만 기다려 주세요.');

    const call = pager.call(pagerPage, harness.server.config.kioskId);
    await call.locator('.action').click();
    await call.waitFor({ state: 'detached' });
    const coming = '직원이 오고 있어요. 잠시만 기다려 주세요.';
    await page.locator('.staff-notice', { hasText: '직원이 오고 있어요' }).waitFor();
    expect(await announcement(page)).toBe(coming);
    await expect.poll(async () => (await spokenTexts(page)).map((entry) => entry.text)).toContain(coming);

    await nav.home(page);
    await waitForPhase(page, 'welcome');
    expect(await page.locator('.staff-notice').count()).toBe(0);
    await welcome.startEasy(page);
    expect(await page.locator('.staff-notice').count()).toBe(0);
    expect(await phaseOf(page)).toBe('browse');
  });
});
