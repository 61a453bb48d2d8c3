/**
 * The camera end to end in Chromium with a fake camera playing real dataset photos: the model runs
 * in the page's worker and the kiosk reacts as its policy says.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { GroupMessage, KioskStatusMessage, parseMessage } from '../src/iot/messages';
import { DEMO_TASTES, generateDemoOrders } from '../src/recommend/demo-orders';
import { DemoOrderRepository } from '../src/server/repositories/demo-order.repository';
import { MenuRepository } from '../src/server/repositories/menu.repository';
import { seedDemoOrders } from '../src/server/seed/seed-demo-orders';
import { MenuService } from '../src/server/services/menu.service';
import { topics } from '../src/iot/topics';
import { pairingLink } from '../src/server/seed/demo-devices';
import { consoleSession } from '../src/test-support/console-session';
import { listen, type Received } from '../src/test-support/mqtt-listener';
import { featuresFromBase64 } from '../src/vision/features/feature-codec';
import { EMBEDDED_BROKER, type TestServer } from '../src/test-support/test-server';
import { axeViolations, easyModeSizeProblems } from './support/accessibility';
import { consolePages, createConsoleUser, signIn } from './support/console-pages';
import { launchChromium } from './support/chromium';
import { failOnCspViolations, watchCsp } from './support/csp-guard';
import { AAF_DIR, clipFromPhoto, emptySceneClip, fakeCameraArgs } from './support/fake-camera';
import { startKioskServer } from './support/kiosk-server';
import { dining, easy, menu, openKiosk, payment, PORTRAIT, waitForPhase } from './support/kiosk-tour';

/** Photos from aaf-train that training held out: a woman of 70 and a man of 28 (file names carry the age). */
const SENIOR_PHOTO = path.join(AAF_DIR, 'images', '07150A70.jpg');
const GENERAL_PHOTO = path.join(AAF_DIR, 'images', '09073A28.jpg');

let server: TestServer;
failOnCspViolations();
const browsers: Browser[] = [];

beforeAll(async () => {
  // A paired kiosk reaches the broker over WebSocket on /mqtt: the embedded broker in every run,
  // as Debian's mosquitto has no WebSocket listener.
  server = await startKioskServer({ CAMERA_POLICY: 'auto', ...EMBEDDED_BROKER });
});
afterAll(async () => {
  await Promise.all(browsers.map((browser) => browser.close()));
  await server.close();
});

async function kioskWithCamera(clip: string, url = server.url): Promise<Page> {
  const browser = await launchChromium({ args: fakeCameraArgs(clip) });
  browsers.push(browser);
  const context = await browser.newContext({ viewport: PORTRAIT, locale: 'ko-KR' });
  context.setDefaultTimeout(45_000);
  await watchCsp(context);
  return openKiosk(await context.newPage(), url);
}

const kiosk = (page: Page) => page.locator('.kiosk');

/** A test's own server is closed after its page: an open kiosk page keeps requests going to it. */
async function closeBrowserOf(page: Page | undefined): Promise<void> {
  await page?.context().browser()?.close();
}

describe('camera', () => {
  it('switches to easy mode for a senior face, says so, offers the way back, and stores the group on the order', async () => {
    const page = await kioskWithCamera(clipFromPhoto(SENIOR_PHOTO));
    await page.locator('.kiosk[data-mode="easy"]').waitFor();
    expect(await kiosk(page).getAttribute('data-customer-group')).toMatch(/^senior_/);
    expect(await page.locator('.camera-offer').innerText()).toContain('큰 글씨 쉬운 화면으로 바꿨어요');
    // One short line; 자세히 shows the full notice: the store collects embeddings by default, so no
    // photo is kept, and it says how long the numbers are.
    expect(await page.locator('.camera-notice-line').innerText()).toBe('카메라가 화면을 골라 드려요 · 사진 저장 안 함');
    await page.locator('.camera-notice-more').click();
    expect(await page.locator('.camera-notice-full').innerText()).toContain('얼굴 사진은 저장하지 않아요. 더 잘 알아보도록 얼굴 특징값만 90일 보관해요.');
    await page.locator('.camera-notice-full .action').click();
    await page.locator('.camera-undo').click();
    expect(await kiosk(page).getAttribute('data-mode')).toBe('standard');

    await page.locator('.welcome-choices .big-choice.easy-start').click();
    await menu.chooseCategory(page, '음료');
    await easy.chooseItem(page, 'sujeonggwa');
    await easy.addToOrder(page);
    await easy.nothingMore(page);
    await dining.dineIn(page);
    await payment.insertApprovedCard(page);
    await waitForPhase(page, 'done');
    const order = await server.db.selectFrom('orders').selectAll().orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(order.customer_group).toMatch(/^senior_/);
    expect(order.ui_mode).toBe('easy');
  });

  it('leaves a general adult in standard mode, with the group known', async () => {
    const page = await kioskWithCamera(clipFromPhoto(GENERAL_PHOTO));
    await page.locator('.kiosk:not([data-customer-group="unknown"])').waitFor();
    expect(await kiosk(page).getAttribute('data-customer-group')).toMatch(/^general_/);
    expect(await kiosk(page).getAttribute('data-mode')).toBe('standard');
    expect(await page.locator('.camera-offer').count()).toBe(0);
  });

  it('never switches the mode under a customer on the keypad: the voice guide stays as it is', async () => {
    const page = await kioskWithCamera(clipFromPhoto(SENIOR_PHOTO));
    await page.keyboard.press('ArrowDown'); // the first keypad key, before the camera has decided
    await page.locator('.kiosk[data-voice-guide="true"]').waitFor();
    await page.locator('.kiosk[data-customer-group^="senior_"]').waitFor();
    expect(await kiosk(page).getAttribute('data-mode')).toBe('standard');
    expect(await page.locator('.camera-offer').count()).toBe(0);
  });

  it('does nothing when nobody is there', async () => {
    const page = await kioskWithCamera(emptySceneClip());
    await page.locator('.kiosk[data-camera="watching"]').waitFor();
    await page.waitForTimeout(3_000);
    expect(await kiosk(page).getAttribute('data-customer-group')).toBe('unknown');
    expect(await kiosk(page).getAttribute('data-mode')).toBe('standard');
  });

  it('asks first when the policy is suggest, and switches only on yes', async () => {
    const suggestServer = await startKioskServer({ CAMERA_POLICY: 'suggest' });
    let page: Page | undefined;
    try {
      page = await kioskWithCamera(clipFromPhoto(SENIOR_PHOTO), suggestServer.url);
      await page.locator('dialog.camera-suggest').waitFor();
      expect(await page.locator('#camera-suggest-title').innerText()).toBe('큰 글씨로 볼까요?');
      expect(await kiosk(page).getAttribute('data-mode')).toBe('standard');
      await page.locator('dialog.camera-suggest .action.primary').click();
      await page.locator('.kiosk[data-mode="easy"]').waitFor();
    } finally {
      await closeBrowserOf(page);
      await suggestServer.close();
    }
  });

  it('never starts the camera when the policy is off', async () => {
    const offServer = await startKioskServer({ CAMERA_POLICY: 'off' });
    try {
      const browser = await launchChromium({ args: fakeCameraArgs(clipFromPhoto(SENIOR_PHOTO)) });
      browsers.push(browser);
      const context = await browser.newContext({ viewport: PORTRAIT });
      await watchCsp(context);
      await context.addInitScript(() => {
        const calls = { count: 0 };
        (window as unknown as { cameraCalls: typeof calls }).cameraCalls = calls;
        const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
        navigator.mediaDevices.getUserMedia = (constraints) => {
          calls.count += 1;
          return original(constraints);
        };
      });
      const page = await openKiosk(await context.newPage(), offServer.url);
      await page.waitForTimeout(3_000);
      expect(await page.evaluate(() => (window as unknown as { cameraCalls: { count: number } }).cameraCalls.count)).toBe(0);
      expect(await kiosk(page).getAttribute('data-camera')).toBe('off');
      expect(await page.locator('.camera-notice').count()).toBe(0);
    } finally {
      await offServer.close();
    }
  });
});

describe('a paired kiosk on the store broker', () => {
  it('reports online, each camera decision without any image, and offline when it goes away', async () => {
    const { credential: kitchenCredential } = await server.devices.register({ id: 'kitchen-camera-e2e', storeId: server.config.storeId, kind: 'kitchen' });
    const store = await listen(server.brokerUrl, { username: 'kitchen-camera-e2e', password: kitchenCredential });
    await store.client.subscribeAsync(`store/${server.config.storeId}/kiosk/+/+`, { qos: 1 });
    const { credential } = await server.devices.register({ id: 'kiosk-camera-e2e', storeId: server.config.storeId, kind: 'kiosk' });
    const page = await kioskWithCamera(clipFromPhoto(SENIOR_PHOTO), `${server.url}${pairingLink('kiosk', credential)}`);
    try {
      const statusTopic = topics.kioskStatus(server.config.storeId, 'kiosk-camera-e2e');
      const isStatus = (status: string) => (message: Received) => message.topic === statusTopic && parseMessage(KioskStatusMessage, message.payload).status === status;
      await store.next(isStatus('online'), 30_000);
      const decision = await store.next((message) => message.topic === topics.kioskGroup(server.config.storeId, 'kiosk-camera-e2e'), 45_000);
      const group = parseMessage(GroupMessage, decision.payload);
      expect(group).toMatchObject({ kioskId: 'kiosk-camera-e2e', modelVersion: expect.any(String) });
      expect(group.group).toMatch(/^senior_/);
      expect(Object.keys(JSON.parse(decision.payload)).sort()).toEqual(['confidence', 'decidedAt', 'group', 'kioskId', 'modelVersion', 'v']);
      expect(page.url()).not.toContain('pair=');
      // Its staff calls name it, not the server's default kiosk.
      await page.locator('.staff-call').click();
      await expect.poll(async () => (await server.db.selectFrom('staff_calls').select('kiosk_id').execute()).map((call) => call.kiosk_id)).toContain('kiosk-camera-e2e');
      await page.context().close();
      await store.next(isStatus('offline'), 30_000);
    } finally {
      await store.close();
    }
  });
});

describe('the camera decision log', () => {
  it('logs a kiosk decision with a face crop when the store collects images; undoing the switch sends it to review, where staff label it', async () => {
    const owner = await consoleSession(server, 'owner');
    expect((await owner('PATCH', '/api/admin/settings', { collection: 'images' })).status).toBe(200);
    try {
      const since = new Date().toISOString();
      const page = await kioskWithCamera(clipFromPhoto(SENIOR_PHOTO));
      await page.locator('.kiosk[data-mode="easy"]').waitFor();
      expect(await page.locator('.camera-notice-line').innerText()).toContain('얼굴 사진 수집 중');
      const logged = () => server.db.selectFrom('camera_decisions').selectAll().where('decided_at', '>=', since).where('kiosk_id', '=', server.config.kioskId).execute();
      await expect.poll(async () => (await logged()).length, { timeout: 30_000 }).toBeGreaterThan(0);
      const [decision] = await logged();
      expect(decision).toMatchObject({ group: expect.stringMatching(/^senior_/), model_version: expect.any(String), label_status: expect.stringMatching(/^(auto|review)$/) });
      expect(decision!.latency_ms).toBeGreaterThan(0);
      // The worker's numbers of the face that was voted on, and a small JPEG of the face alone.
      expect(() => featuresFromBase64(decision!.features!)).not.toThrow();
      const crop = await sharp(fs.readFileSync(path.join(server.config.dataDir, 'files', decision!.crop_key!))).metadata();
      expect(crop).toMatchObject({ format: 'jpeg', width: expect.any(Number) });
      expect(crop.width).toBeLessThanOrEqual(160);

      // The customer takes the way back at once: the camera was wrong for them, so a person decides.
      await page.locator('.camera-undo').click();
      const row = () => server.db.selectFrom('camera_decisions').selectAll().where('id', '=', decision!.id).executeTakeFirstOrThrow();
      await expect.poll(async () => (await row()).override, { timeout: 15_000 }).toBe('left_easy');
      expect((await row()).label_status).toBe('review');

      const password = await createConsoleUser(server, 'staff-review-e2e', 'staff');
      const browser = await launchChromium();
      browsers.push(browser);
      const consolePage = await signIn(await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage(), server.url, 'staff-review-e2e', password);
      await consolePages.open(consolePage, 'review');
      const item = consolePages.reviewItem(consolePage, decision!.id);
      await item.waitFor();
      expect(await item.innerText()).toContain('손님이 쉬운 화면을 바로 나감');
      await expect.poll(() => item.locator('img.review-crop').evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBeGreaterThan(0);
      expect(await axeViolations(consolePage, 'console review', { enhancedContrast: false })).toEqual([]);
      await item.locator('[data-verdict="senior_female"]').click();
      await item.waitFor({ state: 'detached' });
      expect(await row()).toMatchObject({ label_status: 'reviewed', label: 'senior_female' });
      expect(await server.db.selectFrom('face_samples').select(['label_source', 'group']).where('decision_id', '=', decision!.id).execute()).toEqual([{ label_source: 'review', group: 'senior_female' }]);
    } finally {
      expect((await owner('PATCH', '/api/admin/settings', { collection: 'embeddings' })).status).toBe(200);
    }
    // Two browsers, the kiosk's face model and the console: longer than one screen's test.
  }, 180_000);
});

describe('recommendations for the customer the camera sees', () => {
  it("shows a senior woman her group's favourites first, never saying whom they are for, and the full menu a tap away", async () => {
    // A store with history: 30 days of generated orders whose groups have their own tastes.
    // The server's clock at lunchtime in Seoul, whatever time the test runs at.
    const lunch = new Date('2026-11-27T03:30:00Z');
    const store = await startKioskServer({ CAMERA_POLICY: 'auto' }, () => lunch);
    let page: Page | undefined;
    try {
      const menu = await new MenuService(new MenuRepository(store.db)).getMenu();
      const history = generateDemoOrders(menu, { days: 30, perDay: 150, seed: 5, end: lunch.getTime(), timeZone: store.config.timeZone });
      await seedDemoOrders(new DemoOrderRepository(store.db), menu, history, store.config, false);

      page = await kioskWithCamera(clipFromPhoto(SENIOR_PHOTO), store.url);
      await page.locator('.kiosk[data-mode="easy"][data-customer-group="senior_female"]').waitFor();
      await page.locator('.welcome-choices .big-choice.easy-start').click();
      const strip = page.locator('.easy-pick .recommended');
      await strip.waitFor();
      expect(await strip.locator('.suggestions-title').innerText()).toBe('지금 많이 찾는 메뉴');
      const suggested = await strip.locator('.item-card').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-item-id')));
      expect(suggested.filter((itemId) => DEMO_TASTES.senior_female.includes(itemId!)).length).toBeGreaterThanOrEqual(2);
      expect(await strip.locator('.suggestion-reason').first().innerText()).toMatch(/찾/);
      await page.locator('.easy-pick .category-tab:not(.suggestions-tab)').first().click();
      await strip.waitFor({ state: 'detached' });
      expect(await page.locator('.easy-pick .item-grid .item-card').count()).toBeGreaterThan(0);
      expect(await easyModeSizeProblems(page, 'easy pick with suggestions')).toEqual([]);
    } finally {
      await closeBrowserOf(page);
      await store.close();
    }
  });
});
