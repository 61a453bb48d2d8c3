/**
 * In Chromium with a fake camera showing a senior's photo: how long from the kiosk page opening
 * to the camera watching (models loaded), and from the first watched frame to easy mode.
 */
import path from 'node:path';
import { launchChromium } from '../../e2e/support/chromium';
import { clipFromPhoto, fakeCameraArgs } from '../../e2e/support/fake-camera';
import { startKioskServer } from '../../e2e/support/kiosk-server';
import { PORTRAIT } from '../../e2e/support/kiosk-tour';
import { AAF_DIR } from './frames';

export type SwitchTiming = { modelsReadyMs: number; faceToSwitchMs: number };

export async function measureBrowserSwitch(runs: number): Promise<SwitchTiming[]> {
  const server = await startKioskServer({ CAMERA_POLICY: 'auto' });
  const browser = await launchChromium({ args: fakeCameraArgs(clipFromPhoto(path.join(AAF_DIR, 'images', '07150A70.jpg'))) });
  const timings: SwitchTiming[] = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      const context = await browser.newContext({ viewport: PORTRAIT });
      const page = await context.newPage();
      await page.goto(server.url);
      await page.locator('.kiosk[data-mode="easy"]').waitFor({ timeout: 60_000 });
      // No helper functions inside evaluate: tsx would name them with a helper the page lacks.
      const marks = await page.evaluate(() => [performance.getEntriesByName('camera:watching')[0]?.startTime ?? NaN, performance.getEntriesByName('camera:decided')[0]?.startTime ?? NaN]);
      const [watching = NaN, decided = NaN] = marks;
      timings.push({ modelsReadyMs: watching, faceToSwitchMs: decided - watching });
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return timings;
}
