/** Customers ordering, in both modes, against the real server and database. */
import { describe, expect, it } from 'vitest';
import { useKioskHarness, spokenTexts } from './support/harness';
import { cart, dining, done, easy, header, item, menu, nav, oneDishToPayment, openKiosk, payment, waitForPhase, welcome } from './support/kiosk-tour';

const harness = useKioskHarness();

async function storedOrder(orderNumber: number) {
  const order = await harness.server.db.selectFrom('orders').selectAll().where('order_number', '=', orderNumber).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
  const lines = await harness.server.db.selectFrom('order_lines').selectAll().where('order_id', '=', order.id).orderBy('line_no').execute();
  const options = await harness.server.db.selectFrom('order_line_options').selectAll().where('order_id', '=', order.id).orderBy('line_no').orderBy('position').execute();
  return { order, lines, options };
}

describe('standard mode', () => {
  it('orders two items with options, eats in, pays and gets a number', async () => {
    const page = await openKiosk(await harness.newPage(), harness.server.url);
    await welcome.startStandard(page);
    await menu.openItem(page, 'kimchi-stew');
    await item.chooseOption(page, 'spice', 'hot');
    await item.chooseOption(page, 'rice', 'extra');
    await item.increase(page);
    expect(await item.addLabel(page)).toContain('20,000원');
    await item.add(page);
    await menu.chooseCategory(page, '면');
    await menu.openItem(page, 'naengmyeon');
    await item.chooseOption(page, 'size', 'large');
    await item.add(page);
    expect(await menu.summary(page)).toBe('담은 메뉴 3개 · 31,000원');

    await menu.viewCart(page);
    const lines = await cart.lines(page);
    expect(lines[0]).toContain('김치찌개');
    expect(lines[0]).toContain('매운맛, 공기밥 추가');
    expect(lines[1]).toContain('곱빼기');
    expect(await cart.total(page)).toBe('31,000원');
    await cart.order(page);
    await dining.dineIn(page);
    await payment.insertApprovedCard(page);
    await waitForPhase(page, 'done');

    const stored = await storedOrder(await done.orderNumber(page));
    expect(stored.order).toMatchObject({ total: 31000, dining_option: 'dine_in', ui_mode: 'standard', customer_group: 'unknown', status: 'paid' });
    expect(stored.lines.map((line) => [line.item_id, line.quantity, line.unit_price, line.line_total])).toEqual([
      ['kimchi-stew', 2, 10000, 20000],
      ['naengmyeon', 1, 11000, 11000],
    ]);
    expect(stored.options.map((option) => `${option.line_no}:${option.group_id}=${option.value_id}`)).toEqual([
      '1:spice=hot',
      '1:rice=extra',
      '2:size=large',
    ]);
  });

  it('shows a declined card clearly, stores nothing, and lets the customer pay with another card', async () => {
    const page = await openKiosk(await harness.newPage(), harness.server.url);
    const ordersBefore = await harness.server.db.selectFrom('orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    await oneDishToPayment(page, 'bibimbap');
    await payment.insertDeclinedCard(page);
    await page.locator('.payment-message.is-error').waitFor();
    expect(await payment.message(page)).toContain('승인되지 않았어요');
    const ordersAfter = await harness.server.db.selectFrom('orders').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(ordersAfter.n).toBe(ordersBefore.n);
    await payment.insertApprovedCard(page);
    await waitForPhase(page, 'done');
    expect((await storedOrder(await done.orderNumber(page))).order).toMatchObject({ dining_option: 'takeout', total: 9500 });
  });
});

describe('easy mode', () => {
  it('orders by touch alone in at most 4 steps, speaking each question', async () => {
    const page = await openKiosk(await harness.newPage({ hasTouch: true }), harness.server.url);
    await page.locator('.welcome-choices .big-choice.easy-start').tap();
    expect(await easy.progress(page)).toBe('4단계 중 1단계 · 3단계 남았어요');
    // 제육볶음 is on the second page of 식사 (four large dishes a page).
    await page.locator('.easy-pick .category-tab', { hasText: '식사' }).tap();
    await page.locator('.easy-pick .dish-page-next').tap();
    await page.locator('.easy-pick .item-grid .item-card[data-item-id="jeyuk"]').tap();
    await page.locator('.easy-answer[data-value-id="mild"]').tap();
    await page.locator('.easy-answer[data-value-id="extra"]').tap();
    await page.locator('.easy-question .stepper-button').nth(1).tap();
    await page.locator('.easy-question .action.primary').tap();
    expect(await easy.progress(page)).toBe('4단계 중 2단계 · 2단계 남았어요');
    await page.locator('.easy-more .big-choice.primary').tap();
    expect(await easy.progress(page)).toBe('4단계 중 3단계 · 1단계 남았어요');
    await page.locator('.dining-screen .big-choice').nth(1).tap();
    expect(await easy.progress(page)).toBe('4단계 중 4단계 · 마지막 단계예요');
    await page.locator('.card-simulator .action.primary').tap();
    await waitForPhase(page, 'done');

    const orderNumber = await done.orderNumber(page);
    const stored = await storedOrder(orderNumber);
    expect(stored.order).toMatchObject({ ui_mode: 'easy', dining_option: 'takeout', total: 22000 });
    expect(stored.options.map((option) => `${option.group_id}=${option.value_id}`)).toEqual(['spice=mild', 'rice=extra']);

    const spoken = (await spokenTexts(page)).map((entry) => entry.text);
    for (const expected of ['무엇을 드시겠어요?', '맵기는 어떻게 할까요?', '공기밥은 어떻게 할까요?', '제육볶음, 몇 개 드릴까요?', '더 주문하실 게 있나요?', '어디에서 드시나요?', '결제할 금액은 22,000원', `주문번호는 ${orderNumber}번`]) {
      expect(spoken.some((text) => text.includes(expected)), `spoke "${expected}"`).toBe(true);
    }
    expect((await spokenTexts(page)).every((entry) => entry.lang.startsWith('ko'))).toBe(true);
  });

  it('replays the current prompt, with what is chosen now, on 다시 듣기', async () => {
    const page = await openKiosk(await harness.newPage(), harness.server.url);
    await welcome.startEasy(page);
    await menu.chooseCategory(page, '면');
    await easy.chooseItem(page, 'naengmyeon');
    const before = (await spokenTexts(page)).length;
    await header.replay(page);
    const spoken = await spokenTexts(page);
    expect(spoken.length).toBe(before + 1);
    expect(spoken.at(-1)?.text).toBe('양은 어떻게 할까요? 지금은 보통이에요.');
  });
});

describe('switching modes and language', () => {
  it('keeps the cart and the dish being chosen when switching modes mid-order', async () => {
    const page = await openKiosk(await harness.newPage(), harness.server.url);
    await welcome.startStandard(page);
    await menu.openItem(page, 'bibimbap');
    await item.chooseOption(page, 'bowl', 'stone');
    await item.add(page);
    await menu.openItem(page, 'kimchi-stew');
    await nav.back(page);
    await menu.openItem(page, 'kimchi-stew');
    await header.toggleMode(page);
    await page.locator('.easy-question').waitFor();
    expect(await page.locator('#easy-question-title').innerText()).toBe('맵기는 어떻게 할까요?');
    await easy.answer(page, 'hot');
    await easy.answer(page, 'none');
    await easy.addToOrder(page);
    const inEasy = await page.locator('.cart-line').allInnerTexts();
    expect(inEasy).toHaveLength(2);
    expect(inEasy[0]).toContain('돌솥');
    await header.toggleMode(page);
    await waitForPhase(page, 'review');
    expect(await cart.total(page)).toBe('19,500원');
    expect(await page.locator('.cart-line').count()).toBe(2);
  });

  it('speaks English after the language button and back to Korean', async () => {
    const page = await openKiosk(await harness.newPage(), harness.server.url);
    await header.toggleLanguage(page);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('#welcome-title').innerText()).toBe('Welcome');
    await welcome.startStandard(page);
    expect(await page.locator('.item-grid .item-card[data-item-id="kimchi-stew"] .item-name').innerText()).toBe('Kimchi Stew');
    expect(await page.locator('.item-grid .item-card[data-item-id="kimchi-stew"] .item-price').innerText()).toBe('₩9,000');
    await menu.openItem(page, 'kimchi-stew');
    expect(await item.addLabel(page)).toBe('Add · ₩9,000');
    await item.add(page);
    expect(await menu.summary(page)).toBe('1 in your order · ₩9,000');
    await header.toggleLanguage(page);
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    expect(await menu.summary(page)).toBe('담은 메뉴 1개 · 9,000원');
  });
});

describe('help', () => {
  it('calls staff from any screen and stores the call', async () => {
    const page = await openKiosk(await harness.newPage(), harness.server.url);
    await welcome.startEasy(page);
    await menu.chooseCategory(page, '음료');
    await easy.chooseItem(page, 'cola');
    await header.callStaff(page);
    await page.getByRole('status').filter({ hasText: '직원을 불렀어요' }).waitFor();
    const call = await harness.server.db.selectFrom('staff_calls').selectAll().orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(call).toMatchObject({ kiosk_id: 'kiosk-1', screen: 'configure' });
  });
});
