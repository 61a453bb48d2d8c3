/**
 * The voice guide for blind customers: a whole order on the keypad's keys alone, no pointer,
 * with what the kiosk says heard at every step (browser speech or /api/speech, see harness.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { spokenTexts, useKioskHarness, type Spoken } from './support/harness';
import { openKiosk, waitForPhase } from './support/kiosk-tour';

const harness = useKioskHarness({ IDLE_WARNING_AFTER_MS: '600000', CARD_READER_POSITION: 'below-left' });

/** The page counts pointer presses, so the test can show none happened. */
async function countPointers(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { pointers: number }).pointers = 0;
    window.addEventListener('pointerdown', () => (window as unknown as { pointers: number }).pointers++, true);
  });
}

/** Says what was spoken after `before` utterances, once something was and has started to play (its volume known). */
async function spokenAfter(page: Page, before: number): Promise<Spoken> {
  await expect.poll(async () => (await spokenTexts(page)).length, { timeout: 5_000 }).toBeGreaterThan(before);
  await expect.poll(async () => Number.isFinite((await spokenTexts(page)).at(-1)!.volume), { timeout: 5_000 }).toBe(true);
  return (await spokenTexts(page)).at(-1)!;
}

/** Presses a key and returns the words it brought. */
async function press(page: Page, key: string): Promise<string> {
  const before = (await spokenTexts(page)).length;
  await page.keyboard.press(key);
  return (await spokenAfter(page, before)).text;
}

/** Presses the down arrow until the focused control matches, returning what was said about it. */
async function moveTo(page: Page, selector: string): Promise<string> {
  for (let presses = 0; presses < 60; presses += 1) {
    const said = await press(page, 'ArrowDown');
    if (await page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector)) return said;
  }
  throw new Error(`The down arrow never reached ${selector}.`);
}

/** Presses OK (Enter), or `key`, and waits until the kiosk has said something containing `expected`. */
async function chooseAndHear(page: Page, expected: string, key = 'Enter'): Promise<string> {
  const before = (await spokenTexts(page)).length;
  await page.keyboard.press(key);
  await expect.poll(async () => (await spokenTexts(page)).slice(before).map((spoken) => spoken.text).join(' | '), { timeout: 8_000 }).toContain(expected);
  return (await spokenTexts(page)).slice(before).map((spoken) => spoken.text).join(' | ');
}

describe('voice guide', () => {
  it('orders a dish with an option, two of it, to eat here, by card, on keys alone, saying every step', async () => {
    const page = await openKiosk(await harness.newPage(), harness.server.url);
    await countPointers(page);

    // The first key starts the guide: it says so, where we are and how many choices there are.
    const started = await press(page, 'ArrowDown');
    expect(started).toContain('음성 안내를 시작해요');
    expect(started).toContain('어서 오세요. 고를 수 있는 것 2개.');
    expect(await page.locator('.kiosk').getAttribute('data-voice-guide')).toBe('true');

    expect(await moveTo(page, '.standard-start')).toBe('버튼 2개 중 1번째, 주문하기, 메뉴를 한눈에 보며 주문, 선택하려면 확인');
    await chooseAndHear(page, '드시고 싶은 메뉴를 눌러 주세요');

    const dishes = await page.locator('.kiosk-main .item-grid .item-card').count();
    const stewAt = (await page.locator('.kiosk-main .item-grid .item-card').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-item-id')))).indexOf('kimchi-stew') + 1;
    expect(await moveTo(page, '.item-card[data-item-id="kimchi-stew"]')).toBe(`메뉴 ${dishes}개 중 ${stewAt}번째, 김치찌개, 9,000원, 선택하려면 확인`);
    const itemScreen = await chooseAndHear(page, '김치찌개. 원하는 것을 고르고 담기를 눌러 주세요.');
    expect(itemScreen).toMatch(/고를 수 있는 것 \d+개/);

    expect(await moveTo(page, 'input[name="option-spice"][value="mild"]')).toMatch(/^맵기 3개 중 \d번째, 순한맛, 선택하려면 확인$/);
    expect(await chooseAndHear(page, '순한맛, 선택됨')).toMatch(/맵기 3개 중 \d번째, 순한맛, 선택됨/);
    expect(await moveTo(page, '.item-screen .stepper-button[aria-label="하나 더"]')).toContain('하나 더, 선택하려면 확인');
    expect(await chooseAndHear(page, '2개')).toMatch(/^2개\. /);
    expect(await moveTo(page, '.add-to-order')).toContain('담기 · 18,000원');
    await chooseAndHear(page, '드시고 싶은 메뉴를 눌러 주세요');

    // The cart key and the help key, at any time.
    expect(await press(page, '#')).toBe('김치찌개 순한맛 2개. 담은 메뉴 2개, 합계 18,000원.');
    const help = await press(page, 'F1');
    expect(help).toContain('고를 수 있는 것');
    expect(help).toContain('위아래 화살표로 움직이고, 확인으로 선택해요');

    await moveTo(page, '.cart-bar .action.primary');
    await chooseAndHear(page, '주문 확인');
    await moveTo(page, '.cart-screen .screen-actions .action.primary');
    expect(await chooseAndHear(page, '어디에서')).toContain('고를 수 있는 것 2개');
    expect(await moveTo(page, '.dining-screen .big-choice:first-child')).toBe('버튼 2개 중 1번째, 여기서 먹어요, 선택하려면 확인');
    const paymentSaid = await chooseAndHear(page, '결제할 금액은 18,000원');
    expect(paymentSaid).toContain('카드 단말기는 화면 아래 왼쪽에 있어요.');
    await moveTo(page, '.card-simulator .action.primary');
    await chooseAndHear(page, '주문번호는');
    await waitForPhase(page, 'done');

    const order = await harness.server.db.selectFrom('orders').selectAll().orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    const lines = await harness.server.db.selectFrom('order_lines').selectAll().where('order_id', '=', order.id).execute();
    const options = await harness.server.db.selectFrom('order_line_options').selectAll().where('order_id', '=', order.id).orderBy('position').execute();
    expect(order).toMatchObject({ dining_option: 'dine_in', total: 18_000 });
    expect(lines.map((line) => [line.item_id, line.quantity])).toEqual([['kimchi-stew', 2]]);
    expect(options.map((option) => `${option.group_id}=${option.value_id}`)).toContain('spice=mild');
    expect(await page.evaluate(() => (window as unknown as { pointers: number }).pointers)).toBe(0);
    expect((await spokenTexts(page)).every((spoken) => spoken.lang.startsWith('ko'))).toBe(true);
  });

  it('volume and speed keys change the very next words; the curtain key darkens the screen; Escape goes back', async () => {
    const page = await openKiosk(await harness.newPage(), harness.server.url);
    await press(page, 'ArrowDown');
    await moveTo(page, '.standard-start');
    await chooseAndHear(page, '드시고 싶은 메뉴를 눌러 주세요');
    const first = await spokenAfter(page, 0);

    expect(await press(page, 'NumpadSubtract')).toBe('소리 크기 7');
    const quieter = (await spokenTexts(page)).at(-1)!;
    expect(quieter.volume).toBeLessThan(first.volume);
    expect(await press(page, 'F4')).toBe('말 빠르기 5');
    const faster = (await spokenTexts(page)).at(-1)!;
    expect(faster.rate).toBeGreaterThan(first.rate);
    expect(faster.volume).toBe(quieter.volume);
    await press(page, 'ArrowDown');
    expect((await spokenTexts(page)).at(-1)).toMatchObject({ volume: faster.volume, rate: faster.rate });

    // The privacy curtain: the screen goes dark, and the customer hears that it did.
    expect(await press(page, 'F8')).toBe('화면 가리기 선택됨');
    await page.locator('.privacy-curtain').waitFor();
    expect(await press(page, 'F8')).toBe('화면 가리기 선택 안 됨');
    expect(await page.locator('.privacy-curtain').count()).toBe(0);

    // Focus moved another way (Tab) is spoken as well.
    expect(await press(page, 'Tab')).toMatch(/^.+ \d+개 중 \d+번째, .+, (선택됨|선택하려면 확인)$/);

    // Back from the menu: nowhere to go, and the guide says so.
    expect(await press(page, 'Escape')).toBe('여기서는 이전으로 갈 수 없어요.');
    await moveTo(page, '.item-card[data-item-id="kimchi-stew"]');
    await chooseAndHear(page, '김치찌개. 원하는 것을');
    await chooseAndHear(page, '드시고 싶은', 'Backspace');

    // A tap on 처음으로 with nothing ordered: the next customer, who starts with the defaults.
    await page.locator('.nav-home').click();
    await waitForPhase(page, 'welcome');
    expect(await page.locator('.kiosk').getAttribute('data-voice-guide')).toBe('false');
    await press(page, 'ArrowDown');
    expect((await spokenTexts(page)).at(-1)).toMatchObject({ volume: first.volume, rate: first.rate });
  });

  it('reads a declined card; starting over on the keypad keeps the guide and the customer\'s volume', async () => {
    const page = await openKiosk(await harness.newPage(), harness.server.url);
    await press(page, 'ArrowDown');
    await moveTo(page, '.standard-start');
    await chooseAndHear(page, '드시고 싶은');
    await press(page, 'NumpadAdd');
    await moveTo(page, '.item-card[data-item-id="kimchi-stew"]');
    await chooseAndHear(page, '김치찌개.');
    await moveTo(page, '.add-to-order');
    await chooseAndHear(page, '드시고 싶은');
    await moveTo(page, '.cart-bar .action.primary');
    await chooseAndHear(page, '주문 확인');
    await moveTo(page, '.cart-screen .screen-actions .action.primary');
    await chooseAndHear(page, '어디에서');
    await moveTo(page, '.dining-screen .big-choice:first-child');
    await chooseAndHear(page, '결제할 금액');
    await moveTo(page, '.card-simulator .action:not(.primary)');
    await chooseAndHear(page, '카드가 승인되지 않았어요');

    // Home asks first (the cart would be lost); OK on 네 starts over, still in the guide, volume kept.
    expect(await press(page, 'Home')).toContain('처음으로 갈까요?');
    await moveTo(page, '.confirm-dialog .action.primary');
    await chooseAndHear(page, '어서 오세요');
    expect(await page.locator('.kiosk').getAttribute('data-voice-guide')).toBe('true');
    await expect.poll(async () => (await spokenTexts(page)).at(-1)?.volume).toBe(0.9);
  });

  it('starts from the 음성 안내 button at the bottom too, and speaks English after the language button', async () => {
    const page = await openKiosk(await harness.newPage(), harness.server.url);
    const before = (await spokenTexts(page)).length;
    await page.locator('.a11y-bar .a11y-voiceGuide').click();
    expect((await spokenAfter(page, before)).text).toContain('음성 안내를 시작해요');
    expect(await page.locator('.a11y-bar .a11y-voiceGuide').getAttribute('aria-pressed')).toBe('true');
    const korean = (await spokenTexts(page)).length;
    await page.locator('.kiosk-header .header-button[lang="en"]').click();
    // The screen in its new language is a new screen: its title and choices, in English.
    expect((await spokenAfter(page, korean)).text).toMatch(/\. 2 choices\./);
    expect(await moveTo(page, '.standard-start')).toMatch(/^Buttons, 1 of 2, .+, press OK to choose$/);
    expect((await spokenTexts(page)).at(-1)?.lang).toBe('en');
  });
});
