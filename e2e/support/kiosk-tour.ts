/** One helper per kiosk screen, so each test reads like a customer's visit. Labels are the Korean ones. */
import type { Page } from 'playwright-core';

/** The kiosk's screen: a 21.5" 1080p panel standing upright. */
export const PORTRAIT = { width: 1080, height: 1920 };

export async function openKiosk(page: Page, url: string): Promise<Page> {
  await page.goto(url);
  await page.locator('[data-phase="welcome"]').waitFor();
  return page;
}

export const welcome = {
  startStandard: (page: Page) => page.locator('.welcome-choices .big-choice.standard-start').click(),
  startEasy: (page: Page) => page.locator('.welcome-choices .big-choice.easy-start').click(),
};

export const header = {
  toggleMode: (page: Page) => page.locator('.mode-switch').click(),
  toggleLanguage: (page: Page) => page.locator('.kiosk-header .header-button').nth(1).click(),
  callStaff: (page: Page) => page.locator('.staff-call').click(),
  replay: (page: Page) => page.locator('.kiosk-header .header-button').nth(2).click(),
};

export const menu = {
  chooseCategory: (page: Page, name: string) => page.locator('.category-tab', { hasText: name }).click(),
  openItem: (page: Page, itemId: string) => page.locator(`.item-grid .item-card[data-item-id="${itemId}"]`).click(),
  viewCart: (page: Page) => page.locator('.cart-bar .action.primary').click(),
  summary: (page: Page) => page.locator('.cart-bar-summary').innerText(),
};

export const item = {
  chooseOption: (page: Page, groupId: string, valueId: string) =>
    page.locator(`.item-screen input[name="option-${groupId}"][value="${valueId}"]`).check(),
  increase: (page: Page) => page.locator('.item-screen .stepper-button').nth(1).click(),
  add: (page: Page) => page.locator('.item-screen .add-to-order').click(),
  addLabel: (page: Page) => page.locator('.item-screen .add-to-order').innerText(),
};

export const nav = {
  back: (page: Page) => page.locator('.nav-back').click(),
  home: (page: Page) => page.locator('.nav-home').click(),
};

export const cart = {
  lines: (page: Page) => page.locator('.cart-line').allInnerTexts(),
  order: (page: Page) => page.locator('.cart-screen .screen-actions .action.primary').click(),
  total: (page: Page) => page.locator('.cart-total strong').innerText(),
};

export const dining = {
  dineIn: (page: Page) => page.locator('.dining-screen .big-choice').nth(0).click(),
  takeout: (page: Page) => page.locator('.dining-screen .big-choice').nth(1).click(),
};

export const payment = {
  insertApprovedCard: (page: Page) => page.locator('.card-simulator .action.primary').click(),
  insertDeclinedCard: (page: Page) => page.locator('.card-simulator .action:not(.primary)').click(),
  message: (page: Page) => page.locator('.payment-message').innerText(),
  /** Offered only when the server cannot be reached: take the order now, pay at the counter. */
  payAtCounter: (page: Page) => page.locator('.payment-screen .pay-at-counter').click(),
  /** Offered where the owner allows it: order now, pay at the counter. */
  chooseCounter: (page: Page) => page.locator('.payment-screen .choose-counter').click(),
};

export const done = {
  orderNumber: async (page: Page) => Number(await page.getByTestId('order-number').innerText()),
  /** The number as shown: a kiosk's own offline number (`K1-3`) is not a plain number. */
  callNumber: (page: Page) => page.getByTestId('order-number').innerText(),
};

/**
 * Easy mode shows a page of dishes at a time, the store's suggestions first: look on this page,
 * then section by section, page by page, as a customer would.
 */
async function chooseEasyDish(page: Page, itemId: string): Promise<void> {
  const card = page.locator(`.easy-pick .item-grid .item-card[data-item-id="${itemId}"]`);
  if ((await card.count()) > 0) return card.click();
  const sections = page.locator('.easy-pick .category-tab:not(.suggestions-tab)');
  const next = page.locator('.easy-pick .dish-page-next');
  for (let index = 0; index < (await sections.count()); index += 1) {
    await sections.nth(index).click();
    for (;;) {
      if ((await card.count()) > 0) return card.click();
      if ((await next.count()) === 0 || (await next.isDisabled())) break;
      await next.click();
    }
  }
  throw new Error(`${itemId} is on no page of the easy dish list`);
}

export const easy = {
  chooseItem: chooseEasyDish,
  answer: (page: Page, valueId: string) => page.locator(`.easy-answer[data-value-id="${valueId}"]`).click(),
  increase: (page: Page) => page.locator('.easy-question .stepper-button').nth(1).click(),
  addToOrder: (page: Page) => page.locator('.easy-question .action.primary').click(),
  nothingMore: (page: Page) => page.locator('.easy-more .big-choice.primary').click(),
  addMore: (page: Page) => page.locator('.easy-more .big-choice:not(.primary)').click(),
  progress: (page: Page) => page.locator('.easy-progress-text').innerText(),
  /** The cart bar on every easy ordering screen: "담은 메뉴 2개 · 20,000원". */
  cartSummary: (page: Page) => page.locator('.easy-cart-bar .easy-cart-summary').innerText(),
  /** 주문할게요 in the cart bar, offered while choosing once anything is in the cart. */
  order: (page: Page) => page.locator('.easy-cart-bar .easy-order').click(),
  nextPage: (page: Page) => page.locator('.easy-pick .dish-page-next').click(),
  /** From the welcome screen to paying for one dish without options, eaten here. */
  async toPayment(page: Page, itemId: string): Promise<void> {
    await welcome.startEasy(page);
    await easy.chooseItem(page, itemId);
    await easy.addToOrder(page);
    await easy.nothingMore(page);
    await dining.dineIn(page);
  },
};

/** What the kiosk last said (or would have said), as shown on screen. */
export const announcement = (page: Page) => page.locator('.announcement').innerText();

export async function phaseOf(page: Page): Promise<string | null> {
  return page.locator('.kiosk').getAttribute('data-phase');
}

export async function waitForPhase(page: Page, phase: string): Promise<void> {
  await page.locator(`.kiosk[data-phase="${phase}"]`).waitFor();
}

/** The shortest standard-mode order: from the welcome screen to payment with one dish, to take out. */
export async function oneDishToPayment(page: Page, itemId: string, category?: string): Promise<void> {
  await welcome.startStandard(page);
  if (category) await menu.chooseCategory(page, category);
  await menu.openItem(page, itemId);
  await item.add(page);
  await menu.viewCart(page);
  await cart.order(page);
  await dining.takeout(page);
}
