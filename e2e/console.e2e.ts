/** The operator console in Chromium: sign in, follow orders, change the menu and settings, pair devices; both roles. */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { OrderResponse } from '../src/contracts/http';
import { EMBEDDED_BROKER } from '../src/test-support/test-server';
import { localClock } from '../src/domain/operating-hours';
import { axeViolations } from './support/accessibility';
import { consolePages, createConsoleUser, signIn } from './support/console-pages';
import { useKioskHarness } from './support/harness';
import { menu, openKiosk, welcome } from './support/kiosk-tour';

// The embedded broker in every run: the pickup board paired from the console listens on the server's /mqtt.
const harness = useKioskHarness(EMBEDDED_BROKER);
const DESKTOP = { viewport: { width: 1440, height: 900 } };

async function placeOrder(): Promise<OrderResponse> {
  const response = await fetch(`${harness.server.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ items: [{ itemId: 'naengmyeon', quantity: 1, options: { size: 'large' } }], diningOption: 'dine_in' }),
  });
  return (await response.json()) as OrderResponse;
}

describe('operator console', () => {
  it('an owner follows orders, edits the menu and settings, and pairs a device; every page passes axe', async () => {
    const password = await createConsoleUser(harness.server, 'owner-e2e', 'owner');
    const page = await signIn(await harness.newPage(DESKTOP), harness.server.url, 'owner-e2e', password);
    expect(await axeViolations(page, 'console sign-in done', { enhancedContrast: false })).toEqual([]);

    const order = await placeOrder();
    await consolePages.orderRow(page, order.orderNumber).waitFor();
    expect(await consolePages.orderRow(page, order.orderNumber).innerText()).toContain('물냉면 × 1');
    expect(await axeViolations(page, 'console orders', { enhancedContrast: false })).toEqual([]);

    await consolePages.open(page, 'analytics');
    await expect.poll(async () => Number((await page.getByTestId('analytics-orders').innerText()).replace(/,/g, ''))).toBeGreaterThan(0);
    await page.locator('.recharts-surface').first().waitFor();
    expect(await axeViolations(page, 'console analytics', { enhancedContrast: false })).toEqual([]);

    await consolePages.open(page, 'menu');
    const cola = consolePages.menuRow(page, 'cola');
    await cola.getByRole('spinbutton').fill('2500');
    await cola.locator('.aliases-input').fill('콜라, 코카콜라');
    // The owner opens the picture picker, and the save lands (the list reloads) while it is open.
    const picker = (await cola.locator('input[type="file"]').elementHandle())!;
    await cola.getByRole('button', { name: '저장 · Save' }).click();
    await expect.poll(async () => (await (await fetch(`${harness.server.url}/api/menu`)).json()).items.find((item: { id: string }) => item.id === 'cola')).toMatchObject({ price: 2500, aliases: ['코카콜라', '콜라'].sort() });
    await page.getByTestId('menu-outcome').and(page.locator('.form-ok')).waitFor();
    // The row shows what was saved (the aliases sorted as stored), nothing left to save.
    await expect.poll(() => cola.locator('.aliases-input').inputValue()).toBe('코카콜라, 콜라');
    expect(await cola.getByRole('button', { name: '저장 · Save' }).isDisabled()).toBe(true);
    // The picker is the same element, still on the page: the picture picked in it is uploaded.
    expect(await picker.evaluate((input) => input.isConnected)).toBe(true);
    const photo = await sharp({ create: { width: 900, height: 900, channels: 3, background: '#1d4ed8' } }).jpeg().toBuffer();
    await picker.setInputFiles({ name: 'cola.jpg', mimeType: 'image/jpeg', buffer: photo });
    // Reading, resizing and storing the picture can take seconds on a busy 2-core machine.
    await expect.poll(async () => (await (await fetch(`${harness.server.url}/api/menu`)).json()).items.find((item: { id: string }) => item.id === 'cola').imageUrl, { timeout: 20_000 }).toMatch(/\/media\/menu\/cola-[0-9a-f]{12}\.webp$/);
    expect(await axeViolations(page, 'console menu', { enhancedContrast: false })).toEqual([]);

    await consolePages.open(page, 'settings');
    await consolePages.openAdvancedSettings(page);
    await page.locator('select[name="cameraPolicy"]').selectOption('suggest');
    await page.getByRole('button', { name: '저장 · Save' }).click();
    await page.getByText('저장했어요 · Saved').waitFor();
    expect((await (await fetch(`${harness.server.url}/api/config`)).json()).cameraPolicy).toBe('suggest');
    expect(await axeViolations(page, 'console settings', { enhancedContrast: false })).toEqual([]);

    // Closing hours: the next kiosk customer finds the closed screen, with the hours, and no camera.
    const seoulHour = (offset: number) => `${String((Number(localClock(new Date(), 'Asia/Seoul').slice(0, 2)) + offset) % 24).padStart(2, '0')}:00`;
    const [opens, closes] = [seoulHour(2), seoulHour(3)];
    await page.locator('input[name="open"]').fill(opens);
    await page.locator('input[name="close"]').fill(closes);
    await page.getByRole('button', { name: '저장 · Save' }).click();
    await page.getByText('저장했어요 · Saved').waitFor();
    const closedKiosk = await harness.newPage();
    await closedKiosk.goto(harness.server.url);
    await closedKiosk.locator('.kiosk[data-closed="true"] .closed-screen').waitFor();
    expect(await closedKiosk.locator('.closed-screen').innerText()).toContain(`영업 시간: ${opens} – ${closes}`);
    expect(await closedKiosk.locator('.kiosk').getAttribute('data-camera')).toBe('off');
    await page.locator('input[name="open"]').fill('00:00');
    await page.locator('input[name="close"]').fill('00:00');
    await page.getByRole('button', { name: '저장 · Save' }).click();
    await page.getByText('저장했어요 · Saved').waitFor();

    await consolePages.open(page, 'devices');
    await page.locator('input[name="id"]').fill('pickup-2');
    await page.locator('select[name="kind"]').selectOption('pickup');
    await page.getByRole('button', { name: '추가 · Add' }).click();
    const link = await page.locator('.pairing-link').innerText();
    expect(link).toMatch(/\/devices\/pickup\.html#pair=pickup-2\./);
    await consolePages.deviceRow(page, 'pickup-2').waitFor();
    expect(await axeViolations(page, 'console devices', { enhancedContrast: false })).toEqual([]);
    const board = await harness.newPage(DESKTOP);
    await board.goto(link);
    await board.locator('.feed-status[data-status="live"]').waitFor();
  });

  it('staff open the review queue, with the data counts on top; it passes axe', async () => {
    // The camera test reviews a decision with its face crop; here the page itself, as staff see it.
    const password = await createConsoleUser(harness.server, 'staff-review', 'staff');
    const page = await signIn(await harness.newPage(DESKTOP), harness.server.url, 'staff-review', password);
    await consolePages.open(page, 'review');
    await page.getByRole('heading', { name: '데이터 · Data' }).waitFor();
    expect(await page.locator('h1').innerText()).toBe('검토 · Review');
    expect(await axeViolations(page, 'console review', { enhancedContrast: false })).toEqual([]);
  });

  it('staff mark a dish sold out, which the next kiosk customer sees; prices and settings stay the owner’s', async () => {
    const password = await createConsoleUser(harness.server, 'staff-e2e', 'staff');
    const page = await signIn(await harness.newPage(DESKTOP), harness.server.url, 'staff-e2e', password);
    await consolePages.open(page, 'menu');
    const row = consolePages.menuRow(page, 'sujeonggwa');
    expect(await row.getByRole('spinbutton').count()).toBe(0);
    await row.getByRole('checkbox').check();
    await expect.poll(() => row.getByRole('checkbox').isChecked()).toBe(true);

    const kiosk = await openKiosk(await harness.newPage(), harness.server.url);
    await welcome.startStandard(kiosk);
    await menu.chooseCategory(kiosk, '음료');
    const card = kiosk.locator('.item-grid .item-card[data-item-id="sujeonggwa"]');
    expect(await card.isDisabled()).toBe(true);
    expect(await card.innerText()).toContain('품절');

    await consolePages.open(page, 'settings');
    expect(await page.locator('select[name="cameraPolicy"]').isDisabled()).toBe(true);
    await row.page().locator('.console-nav button').click();
    await page.getByLabel('아이디 · Username').waitFor();
  });

  it('after 5 wrong passwords the sign-in page says how long to wait, in Korean and English', async () => {
    const password = await createConsoleUser(harness.server, 'locked-e2e', 'staff');
    const page = await harness.newPage(DESKTOP);
    await page.goto(`${harness.server.url}/admin`);
    const tryPassword = async (attempt: string) => {
      await page.getByLabel('아이디 · Username').fill('locked-e2e');
      await page.getByLabel('비밀번호 · Password').fill(attempt);
      const answered = page.waitForResponse((response) => response.url().endsWith('/api/admin/login'));
      await page.getByRole('button', { name: '로그인 · Sign in' }).click();
      return (await answered).status();
    };
    for (let attempt = 0; attempt < 5; attempt++) expect(await tryPassword(`wrong ${attempt}`)).toBe(401);
    // The answer is in before React shows it: the message is waited for, not read at once.
    await expect.poll(() => page.getByRole('alert').innerText()).toBe('아이디나 비밀번호가 맞지 않아요. · That username and password do not match.');
    expect(await tryPassword(password)).toBe(429);
    await expect.poll(() => page.getByRole('alert').innerText()).toBe('로그인 실패가 너무 많아요. 15분 뒤에 다시 해 주세요. · Too many failed sign-ins: try again in 15 min.');
  });
});
