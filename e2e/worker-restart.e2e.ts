/**
 * The camera's face worker is a helper, never a dependency: when it crashes or cannot load its
 * model, ordering goes on, and the worker is started again (a bounded number of times).
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useKioskHarness } from './support/harness';
import { emptySceneClip, fakeCameraArgs } from './support/fake-camera';
import { cart, dining, done, item, menu, oneDishToPayment, openKiosk, payment, waitForPhase, welcome } from './support/kiosk-tour';

const harness = useKioskHarness({ CAMERA_POLICY: 'auto' }, fakeCameraArgs(emptySceneClip()));

/** Loading Human's models in a worker takes a while on a busy test machine. */
const MODELS_LOADED_MS = 60_000;
const HEAD_URL = '**/models/group-head/model.json';

const camera = (page: Page) => page.locator('.kiosk').getAttribute('data-camera');
const watching = (page: Page) => page.locator('.kiosk[data-camera="watching"]').waitFor({ timeout: MODELS_LOADED_MS });

/** Counts requests for the group head, failing the first `failures` of them (Infinity: all). */
async function headRequests(context: BrowserContext, failures: number): Promise<{ count: number }> {
  const seen = { count: 0 };
  await context.route(HEAD_URL, (route) => {
    seen.count += 1;
    return seen.count <= failures ? route.fulfill({ status: 503, body: 'model store away' }) : route.continue();
  });
  return seen;
}

describe('the face worker', () => {
  it('comes back after it crashes, while the customer goes on ordering', async () => {
    const page = await openKiosk(await harness.newPage(), harness.server.url);
    await watching(page);
    await welcome.startStandard(page);
    await menu.openItem(page, 'bibimbap');
    await item.add(page);

    const faceWorker = page.workers().find((worker) => worker.url().includes('face.worker'));
    expect(faceWorker).toBeDefined();
    const replacement = page.waitForEvent('worker', { timeout: MODELS_LOADED_MS });
    // An uncaught error inside the worker: the browser reports it to the page, as a real crash would.
    await faceWorker!.evaluate(() => {
      setTimeout(() => {
        throw new Error('face worker crashed on purpose');
      });
    });
    expect((await replacement).url()).toContain('face.worker');

    // The customer never notices: the cart is there and the order goes through.
    await menu.viewCart(page);
    expect(await cart.lines(page)).toHaveLength(1);
    await cart.order(page);
    await dining.dineIn(page);
    await payment.insertApprovedCard(page);
    await waitForPhase(page, 'done');
    expect(await done.orderNumber(page)).toBeGreaterThan(0);
    await watching(page);
  });

  it('tries again when its model fails to load, and then watches', async () => {
    const page = await harness.newPage();
    const requests = await headRequests(page.context(), 1);
    await openKiosk(page, harness.server.url);
    await watching(page);
    expect(requests.count).toBe(2);
  });

  it('gives up after a few tries when the model never loads, and the kiosk still takes orders', async () => {
    const page = await harness.newPage();
    const requests = await headRequests(page.context(), Infinity);
    await openKiosk(page, harness.server.url);
    await page.locator('.kiosk[data-camera="unavailable"]').waitFor({ timeout: MODELS_LOADED_MS });
    // The first start and three restarts, then no more.
    expect(requests.count).toBe(4);
    await page.waitForTimeout(3000);
    expect(requests.count).toBe(4);
    expect(await camera(page)).toBe('unavailable');
    expect(await page.locator('.camera-notice').count()).toBe(0);

    await oneDishToPayment(page, 'bibimbap');
    await payment.insertApprovedCard(page);
    await waitForPhase(page, 'done');
  });
});
