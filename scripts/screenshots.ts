/**
 * Makes docs/screenshots/*.png: the main screens of both modes at the kiosk's 1080x1920 portrait size.
 * Run with `npm run screenshots`; it uses the real server and Debian's Chromium, like the e2e tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../e2e/support/chromium';
import { generateDemoOrders } from '../src/recommend/demo-orders';
import { DemoOrderRepository } from '../src/server/repositories/demo-order.repository';
import { MenuRepository } from '../src/server/repositories/menu.repository';
import { seedDemoOrders } from '../src/server/seed/seed-demo-orders';
import { MenuService } from '../src/server/services/menu.service';
import { cropFace } from '../src/server/flywheel/face-crop';
import { decodeImage } from '../src/vision/image/decode-image';
import { featuresToBase64 } from '../src/vision/features/feature-codec';
import { FaceFeatureExtractor } from '../src/vision/features/face-features';
import { AAF_DIR, clipFromPhoto, fakeCameraArgs } from '../e2e/support/fake-camera';
import { startKioskServer } from '../e2e/support/kiosk-server';
import { consolePages, createConsoleUser, signIn } from '../e2e/support/console-pages';
import { kitchen, openDevicePage, pager } from '../e2e/support/device-pages';
import { placeOrder } from '../e2e/support/orders';
import { dining, done, easy, payment, item, menu, openKiosk, PORTRAIT, waitForPhase, welcome } from '../e2e/support/kiosk-tour';

/** A kitchen or counter screen, landscape. */
const DEVICE_SCREEN = { width: 1280, height: 800 };

const OUT_DIR = path.resolve(import.meta.dirname, '../docs/screenshots');

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(OUT_DIR, `${name}.png`) });
  console.log(`docs/screenshots/${name}.png`);
}

async function main(): Promise<void> {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  // No camera on the machine that makes screenshots: the kiosk then runs without one.
  const server = await startKioskServer({ CAMERA_POLICY: 'off' });
  // Two months of generated orders, so suggestions and analytics look like a shop that has been open a while.
  const storeMenu = await new MenuService(new MenuRepository(server.db)).getMenu();
  await seedDemoOrders(new DemoOrderRepository(server.db), storeMenu, generateDemoOrders(storeMenu, { days: 60, perDay: 300, seed: 1, end: Date.now(), timeZone: server.config.timeZone }), server.config, false);
  const browser = await launchChromium();
  try {
    const page = await openKiosk(await browser.newPage({ viewport: PORTRAIT }), server.url);
    await shot(page, '01-welcome');
    await welcome.startStandard(page);
    await shot(page, '02-standard-menu');
    await menu.openItem(page, 'kimchi-stew');
    await item.chooseOption(page, 'spice', 'mild');
    await shot(page, '03-standard-item-options');
    await item.add(page);
    await menu.openItem(page, 'bibimbap');
    await item.add(page);
    await menu.viewCart(page);
    await shot(page, '04-standard-cart');

    const easyPage = await openKiosk(await browser.newPage({ viewport: PORTRAIT }), server.url);
    await welcome.startEasy(easyPage);
    await shot(easyPage, '05-easy-pick');
    await easy.chooseItem(easyPage, 'kimchi-stew');
    await shot(easyPage, '06-easy-option-question');
    await easy.answer(easyPage, 'mild');
    await easy.answer(easyPage, 'none');
    await shot(easyPage, '07-easy-how-many');
    await easy.addToOrder(easyPage);
    await shot(easyPage, '08-easy-anything-else');
    // "네, 더 고를게요": the dish list again, now with the cart and 주문할게요 at the bottom.
    await easy.addMore(easyPage);
    await menu.chooseCategory(easyPage, '식사');
    await easy.nextPage(easyPage);
    await shot(easyPage, '22-easy-pick-with-cart');
    await easy.order(easyPage);
    await shot(easyPage, '09-easy-dining');
    await dining.takeout(easyPage);
    await shot(easyPage, '10-easy-payment');
    await payment.insertDeclinedCard(easyPage);
    await easyPage.locator('.payment-message.is-error').waitFor();
    await shot(easyPage, '23-easy-card-declined');
    const kitchenPage = await openDevicePage(await browser.newPage({ viewport: DEVICE_SCREEN }), server, 'kitchen', 'kitchen-shots');
    const board = await openDevicePage(await browser.newPage({ viewport: DEVICE_SCREEN }), server, 'pickup', 'pickup-shots');
    const pagerPage = await openDevicePage(await browser.newPage({ viewport: DEVICE_SCREEN }), server, 'pager', 'pager-shots');
    await payment.insertApprovedCard(easyPage);
    await waitForPhase(easyPage, 'done');
    await shot(easyPage, '11-easy-order-number');

    // The store's devices: a second order is cooking while the first is ready; someone needs help.
    await page.locator('.cart-screen .screen-actions .action.primary').click();
    await dining.dineIn(page);
    await payment.insertApprovedCard(page);
    await waitForPhase(page, 'done');
    await kitchen.markReady(kitchenPage, await done.orderNumber(easyPage));
    await page.locator('.staff-call').click();
    await pager.call(pagerPage, server.config.kioskId).waitFor();
    await board.locator('.ready-numbers li').first().waitFor();
    await shot(kitchenPage, '13-kitchen-display');
    await shot(board, '14-pickup-board');
    await shot(pagerPage, '15-staff-pager');
    // Staff answer on the pager: the customer who called sees, and hears, that someone is coming.
    await pager.call(pagerPage, server.config.kioskId).locator('.action').click();
    await pager.call(pagerPage, server.config.kioskId).waitFor({ state: 'detached' });
    const helped = await openKiosk(await browser.newPage({ viewport: PORTRAIT }), server.url);
    await welcome.startEasy(helped);
    await helped.locator('.staff-call').click();
    await pager.call(pagerPage, server.config.kioskId).locator('.action').click();
    await helped.locator('.staff-notice', { hasText: '직원이 오고 있어요' }).waitFor();
    await shot(helped, '24-easy-staff-coming');

    const password = await createConsoleUser(server, 'owner', 'owner');
    const consolePage = await signIn(await browser.newPage({ viewport: { width: 1440, height: 900 } }), server.url, 'owner', password);
    await consolePage.locator('tr[data-order-number]').first().waitFor();
    await shot(consolePage, '16-console-orders');
    await consolePages.open(consolePage, 'analytics');
    await consolePage.locator('.recharts-surface').first().waitFor();
    await shot(consolePage, '19-console-analytics');
    await consolePages.open(consolePage, 'devices');
    await consolePage.locator('tr[data-device-id]').first().waitFor();
    await shot(consolePage, '17-console-devices');
    await consolePages.open(consolePage, 'settings');
    await consolePage.locator('.settings').waitFor();
    await shot(consolePage, '18-console-settings');
    await consolePages.open(consolePage, 'models');
    await consolePage.getByTestId('active-version').waitFor();
    await shot(consolePage, '20-console-models');
    // A store that collects face crops, and two unsure camera decisions on real faces waiting for a person.
    await consolePage.evaluate(() =>
      fetch('/api/admin/settings', { method: 'PATCH', headers: { 'content-type': 'application/json', 'x-neulbom-console': '1' }, body: JSON.stringify({ collection: 'images' }) }),
    );
    const extractor = new FaceFeatureExtractor();
    for (const [file, group] of [['07150A70.jpg', 'general_female'], ['09073A28.jpg', 'senior_male']] as const) {
      const jpeg = fs.readFileSync(path.join(AAF_DIR, 'images', file));
      const features = (await extractor.extract(await decodeImage(jpeg)))!;
      const body = { group, confidence: 0.71, modelVersion: 'shipped', latencyMs: 420, features: featuresToBase64(features), crop: (await cropFace(jpeg, features.box)).toString('base64') };
      await fetch(`${server.url}/api/vision/decisions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    }
    await consolePages.open(consolePage, 'review');
    await consolePage.locator('.review-item').first().waitFor();
    await shot(consolePage, '21-console-review');
  } finally {
    await browser.close();
    await server.close();
  }
  await cameraShot();
  await printingShots();
  await consoleShots();
  await accessibilityShots();
}

/** The printers page with a virtual printer's tickets, one ticket as printed, and the console on a phone. */
async function printingShots(): Promise<void> {
  const server = await startKioskServer({ CAMERA_POLICY: 'off' });
  const browser = await launchChromium();
  try {
    await server.printing.add({ name: '가상 프린터 · Virtual printer', connection: 'virtual', tickets: ['order', 'receipt', 'kitchen'] });
    await server.printing.add({ name: '주방 프린터', connection: 'tcp', host: '192.168.0.50', port: 9100, tickets: ['kitchen'] });
    const { orderNumber } = await placeOrder(server, [{ itemId: 'kimchi-stew', quantity: 2, options: { spice: 'mild' } }, { itemId: 'bibimbap', quantity: 1 }], 'takeout');
    const password = await createConsoleUser(server, 'owner', 'owner');
    const consolePage = await signIn(await browser.newPage({ viewport: { width: 1440, height: 1000 } }), server.url, 'owner', password);
    await consolePages.open(consolePage, 'printers');
    const ticket = consolePages.ticket(consolePage, 'order');
    await ticket.locator('img').evaluate((image: HTMLImageElement) => image.decode());
    await shot(consolePage, '30-console-printers');

    const jobId = await ticket.getAttribute('data-job-id');
    const svg = await consolePage.evaluate((url) => fetch(url).then((response) => response.text()), `/api/admin/print-jobs/${jobId}/image`);
    const paper = await browser.newPage({ viewport: { width: 640, height: 900 } });
    await paper.setContent(`<body style="margin: 16px; background: #e7e5e4">${svg}</body>`);
    await paper.locator('svg').evaluate((image) => image.setAttribute('style', 'background: #fff'));
    await paper.locator('svg').screenshot({ path: path.join(OUT_DIR, '31-printed-order-ticket.png') });
    console.log(`docs/screenshots/31-printed-order-ticket.png (order ${orderNumber})`);

    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    await signIn(phone, server.url, 'owner', password);
    await phone.locator('tr[data-order-number]').first().waitFor();
    await shot(phone, '32-console-phone-orders');
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The owner's console pages of a restaurant's day: the close, the audit log, the menu builder, settings; two on a phone. */
async function consoleShots(): Promise<void> {
  const server = await startKioskServer({ CAMERA_POLICY: 'off' });
  const browser = await launchChromium();
  try {
    const password = await createConsoleUser(server, 'owner', 'owner');
    const page = await signIn(await browser.newPage({ viewport: { width: 1440, height: 1100 } }), server.url, 'owner', password);
    // As the signed-in owner (the audit log names who): a morning's orders, card ones, one cancelled and refunded, two paid at the counter (one still unpaid).
    const asOwner = async (method: 'POST' | 'PATCH', path: string, data: unknown) => (await page.request.fetch(`${server.url}${path}`, { method, headers: { 'x-neulbom-console': '1' }, data })).json() as Promise<{ id: string }>;
    await asOwner('PATCH', '/api/admin/settings', { counterPayment: true, breakTime: { start: '15:00', end: '17:00' }, closedWeekdays: [1], operatingHours: { open: '10:30', close: '21:00' } });
    await placeOrder(server, [{ itemId: 'kimchi-stew', quantity: 2, options: { spice: 'mild' } }, { itemId: 'bibimbap', quantity: 1 }]);
    await placeOrder(server, [{ itemId: 'bibimbap', quantity: 1 }, { itemId: 'cola', quantity: 2 }], 'takeout');
    const cancelled = await placeOrder(server, [{ itemId: 'kimchi-stew', quantity: 1 }]);
    await asOwner('POST', `/api/admin/orders/${cancelled.id}/cancel`, { reason: '음식이 늦어서 · food was late' });
    for (const settled of [true, false]) {
      const counter = await asOwner('POST', '/api/orders', { items: [{ itemId: 'gun-mandu', quantity: 1 }, { itemId: 'bibimbap', quantity: 1 }], diningOption: 'dine_in', payment: { method: 'counter' } });
      if (settled) await asOwner('POST', `/api/admin/orders/${counter.id}/settle`, { method: 'cash' });
    }

    await consolePages.open(page, 'close');
    await page.getByTestId('close-revenue').waitFor();
    await shot(page, '33-console-day-close');
    await consolePages.open(page, 'audit');
    await page.locator('tr[data-action="order.refunded"]').waitFor();
    await shot(page, '34-console-audit-log');
    await consolePages.open(page, 'menu');
    await page.locator('form.add-dish').waitFor();
    await shot(page, '35-console-menu-builder');
    await page.locator('#options-title').evaluate((title) => title.scrollIntoView({ block: 'start' }));
    await shot(page, '36-console-option-groups');
    await consolePages.open(page, 'settings');
    await page.locator('.hours-break').waitFor();
    await shot(page, '37-console-settings-hours');

    const phone = await signIn(await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }), server.url, 'owner', password);
    await consolePages.open(phone, 'close');
    // Past the menu of pages, to the day's figures.
    await phone.getByTestId('close-revenue').evaluate((figure) => window.scrollTo(0, figure.getBoundingClientRect().top + window.scrollY - 140));
    await shot(phone, '38-console-phone-day-close');
    await consolePages.open(phone, 'menu');
    await consolePages.menuRow(phone, 'kimchi-stew').locator('.dish-option-groups summary').click();
    await consolePages.menuRow(phone, 'kimchi-stew').evaluate((row) => row.scrollIntoView({ block: 'start' }));
    await shot(phone, '39-console-phone-menu');
  } finally {
    await browser.close();
    await server.close();
  }
}

/** The accessibility layer (docs/accessibility.md): the voice guide, the low screen, 200 % and high contrast, in both modes. */
async function accessibilityShots(): Promise<void> {
  const server = await startKioskServer({ CAMERA_POLICY: 'off' });
  const browser = await launchChromium();
  const open = async (choice?: string) => {
    const page = await openKiosk(await browser.newPage({ viewport: PORTRAIT }), server.url);
    if (choice) await page.locator(`.a11y-bar .a11y-${choice}`).click();
    return page;
  };
  try {
    // A blind customer's first keys: the guide starts, the standard menu opens, focus is on a dish.
    const guided = await open();
    await guided.keyboard.press('ArrowDown');
    await guided.keyboard.press('ArrowDown');
    await guided.keyboard.press('Enter');
    await waitForPhase(guided, 'browse');
    while (!(await guided.evaluate(() => document.activeElement?.matches('.item-card[data-item-id="kimchi-stew"]')))) await guided.keyboard.press('ArrowDown');
    await shot(guided, '40-voice-guide-focus');

    // Each choice on a fresh page, started in one mode and taken to the screen worth showing.
    const shots: [string, string, 'standard' | 'easy', (page: Page) => Promise<unknown>][] = [
      ['41-low-reach-menu', 'lowReach', 'standard', async () => undefined],
      ['42-low-reach-easy-question', 'lowReach', 'easy', (page) => easy.chooseItem(page, 'kimchi-stew')],
      ['43-zoom-200-item', 'zoom', 'standard', (page) => menu.openItem(page, 'kimchi-stew')],
      ['44-zoom-200-easy-pick', 'zoom', 'easy', async () => undefined],
      ['45-high-contrast-menu', 'highContrast', 'standard', async () => undefined],
      ['46-high-contrast-easy-payment', 'highContrast', 'easy', async (page) => {
        await easy.chooseItem(page, 'kimchi-stew');
        await easy.answer(page, 'mild');
        await easy.answer(page, 'none');
        await easy.addToOrder(page);
        await easy.nothingMore(page);
        await dining.dineIn(page);
      }],
    ];
    for (const [name, choice, mode, goTo] of shots) {
      const page = await open(choice);
      await (mode === 'easy' ? welcome.startEasy(page) : welcome.startStandard(page));
      await goTo(page);
      await shot(page, name);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

/** A senior customer in front of the fake camera: the kiosk has switched itself to easy mode. */
async function cameraShot(): Promise<void> {
  const server = await startKioskServer({ CAMERA_POLICY: 'auto' });
  const browser = await launchChromium({ args: fakeCameraArgs(clipFromPhoto(path.join(AAF_DIR, 'images', '07150A70.jpg'))) });
  try {
    const page = await openKiosk(await browser.newPage({ viewport: PORTRAIT }), server.url);
    await page.locator('.kiosk[data-mode="easy"]').waitFor({ timeout: 60_000 });
    await shot(page, '12-camera-switched-to-easy');
  } finally {
    await browser.close();
    await server.close();
  }
}

// `npm run screenshots -- printing` (or `-- console`, `-- accessibility`) makes only those shots.
const only: Record<string, () => Promise<void>> = { printing: printingShots, console: consoleShots, accessibility: accessibilityShots };
await (only[process.argv[2] ?? '']?.() ?? main());
