/**
 * The console's printers page in Chromium: a virtual printer's tickets drawn as on paper, a network
 * printer out of paper and back, reprints, a serial printer on a pseudo-terminal.
 */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { startFakePrinter, startFakeSerialPrinter } from '../src/test-support/fake-printer';
import { EMBEDDED_BROKER } from '../src/test-support/test-server';
import { axeViolations } from './support/accessibility';
import { consolePages, createConsoleUser, signIn } from './support/console-pages';
import { openDevicePage, pager } from './support/device-pages';
import { spokenTexts, useKioskHarness } from './support/harness';
import { placeOrder } from './support/orders';

// The embedded broker in every run: the staff pager listens on the server's /mqtt.
const harness = useKioskHarness(EMBEDDED_BROKER);
const DESKTOP = { viewport: { width: 1280, height: 900 } };


describe('printers in the console', () => {
  it('an owner adds printers, sees tickets as printed, a paper-out printer waits and prints once back, staff reprint', async () => {
    const password = await createConsoleUser(harness.server, 'owner-printers', 'owner');
    const page = await signIn(await harness.newPage(DESKTOP), harness.server.url, 'owner-printers', password);
    await consolePages.open(page, 'printers');
    await page.getByText('프린터가 없어요 · No printers yet').waitFor();

    // A virtual printer: every ticket becomes a picture in the console.
    await page.locator('input[name="name"]').fill('가상 프린터');
    await page.locator('select[name="connection"]').selectOption('virtual');
    await page.locator('input[name="new-kitchen"]').check();
    await page.getByRole('button', { name: '추가 · Add' }).click();
    const virtualId = (await page.locator('.printer').first().getAttribute('data-printer-id'))!;
    await consolePages.printerCard(page, virtualId).getByRole('button', { name: /시험 인쇄/ }).click();
    const test = consolePages.ticket(page, 'test');
    await test.waitFor();
    await expect.poll(() => test.locator('img').evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBeGreaterThan(300);

    const order = await placeOrder(harness.server, [{ itemId: 'kimchi-stew', quantity: 1, options: { spice: 'mild' } }]);
    await consolePages.ticket(page, 'kitchen').waitFor();
    expect(await consolePages.ticket(page, 'order').innerText()).toContain(`주문 번호표 · Order ticket ${order.orderNumber}`);
    expect(await axeViolations(page, 'console printers', { enhancedContrast: false })).toEqual([]);

    // A network printer out of paper: the order stands, the card says so, the pager rings, the ticket waits.
    const pagerPage = await openDevicePage(await harness.newPage(DESKTOP), harness.server, 'pager', 'pager-printers');
    const fake = await startFakePrinter();
    try {
      fake.state = 'paper_out';
      await page.locator('input[name="name"]').fill('주방 프린터');
      await page.locator('select[name="connection"]').selectOption('tcp');
      await page.locator('input[name="host"]').fill('127.0.0.1');
      await page.locator('input[name="port"]').fill(String(fake.port));
      await page.locator('input[name="new-order"]').uncheck();
      await page.locator('input[name="new-kitchen"]').check();
      await page.getByRole('button', { name: '추가 · Add' }).click();
      await expect.poll(async () => (await harness.server.printing.list()).some((printer) => printer.name === '주방 프린터')).toBe(true);
      const kitchenId = (await harness.server.printing.list()).find((printer) => printer.name === '주방 프린터')!.id;
      await placeOrder(harness.server, [{ itemId: 'kimchi-stew', quantity: 1, options: { spice: 'mild' } }]);
      const card = consolePages.printerCard(page, kitchenId);
      await card.and(page.locator('[data-state="paper_out"]')).waitFor();
      expect(await card.innerText()).toContain('용지 없음 · Out of paper');
      expect(await card.innerText()).toContain('대기 1장');
      // The pager rings for the printer, and says why.
      const call = pager.call(pagerPage, kitchenId);
      await call.waitFor();
      expect(await call.innerText()).toContain('프린터 용지 없음');
      await expect.poll(async () => (await spokenTexts(pagerPage)).map((spoken) => spoken.text)).toContain(`${kitchenId} 프린터에 용지가 없습니다. 주문서는 기다렸다가 인쇄됩니다.`);

      fake.state = 'ready';
      await card.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 15_000 });
      expect(fake.printed).toHaveLength(1);
      await call.waitFor({ state: 'detached' });

      // Staff reprint the kitchen ticket from the list.
      const staffPassword = await createConsoleUser(harness.server, 'staff-printers', 'staff');
      const staffPage = await signIn(await harness.newPage(DESKTOP), harness.server.url, 'staff-printers', staffPassword);
      await consolePages.open(staffPage, 'printers');
      expect(await staffPage.getByRole('button', { name: '추가 · Add' }).count()).toBe(0);
      const kitchenTicket = staffPage.locator(`.ticket[data-kind="kitchen"]`).filter({ hasText: '주방 프린터' }).first();
      await kitchenTicket.getByRole('button', { name: /다시 인쇄/ }).click();
      await expect.poll(() => fake.printed.length, { timeout: 10_000 }).toBe(2);
      expect(fake.printed[1]).toEqual(fake.printed[0]);
    } finally {
      await fake.close();
    }
  });

  it('an owner adds a USB or serial printer by its device file; a path that is not a printer port is not taken', async () => {
    const password = await createConsoleUser(harness.server, 'owner-serial', 'owner');
    const page = await signIn(await harness.newPage(DESKTOP), harness.server.url, 'owner-serial', password);
    await consolePages.open(page, 'printers');
    const serial = await startFakeSerialPrinter();
    try {
      await page.locator('input[name="name"]').fill('내장 프린터');
      await page.locator('select[name="connection"]').selectOption('device');
      expect(await page.locator('input[name="host"]').count()).toBe(0);
      const device = page.getByLabel('장치 · Device');
      await device.fill('/etc/passwd');
      await page.getByRole('button', { name: '추가 · Add' }).click();
      expect(await device.evaluate((input: HTMLInputElement) => input.validity.patternMismatch)).toBe(true);

      await device.fill(serial.device);
      await page.getByLabel('속도 (시리얼) · Speed (serial)').selectOption('115200');
      await page.getByRole('button', { name: '추가 · Add' }).click();
      const added = page.locator('.printer').filter({ hasText: '내장 프린터' });
      await added.waitFor();
      expect(await added.innerText()).toContain(`USB·시리얼 · USB/serial ${serial.device} · 115200 bps`);
      await added.getByRole('button', { name: /시험 인쇄/ }).click();
      await expect.poll(() => serial.printed.length, { timeout: 10_000 }).toBe(1);
      expect(iconv.decode(serial.printed[0]!, 'euc-kr')).toContain('가나다라마바사');
      await added.and(page.locator('[data-state="ready"]')).waitFor();
    } finally {
      await serial.close();
    }
  });
});
