/**
 * The offline recognizer end to end: Chromium's fake microphone plays espeak-ng speech in a voice
 * training never used; the page's own recognizer hears it, and the cart changes only after "네".
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TestServer } from '../src/test-support/test-server';
import { launchChromium } from './support/chromium';
import { conversationRecording, fakeMicrophoneArgs } from './support/fake-microphone';
import { startKioskServer } from './support/kiosk-server';
import { openKiosk, PORTRAIT, waitForPhase, welcome } from './support/kiosk-tour';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startKioskServer({ CAMERA_POLICY: 'off', VOICE_ENGINE: 'offline' });
  const recording = await conversationRecording(['김치찌개', '두 개', '네'], 2.5);
  browser = await launchChromium({ args: fakeMicrophoneArgs(recording) });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Easy mode, the microphone on: the recording says "김치찌개", "두 개", "네", and the cart is asked back and filled. */
async function orderKimchiStewByVoice(page: Page): Promise<void> {
  await welcome.startEasy(page);
  await page.locator('.voice-listen').click();
  await page.locator('.voice-heard', { hasText: '김치찌개' }).waitFor();
  await page.locator('.voice-question', { hasText: '김치찌개 2개 맞으세요?' }).waitFor();
  await waitForPhase(page, 'review');
}

describe('offline voice ordering', () => {
  it('easy mode: saying "김치찌개", "두 개", "네" into the microphone puts two kimchi stews in the cart', async () => {
    const context = await browser.newContext({ viewport: PORTRAIT, locale: 'ko-KR' });
    context.setDefaultTimeout(20_000);
    const page = await openKiosk(await context.newPage(), server.url);
    await orderKimchiStewByVoice(page);
    const lines = await page.locator('.cart-line').allInnerTexts();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('김치찌개');
    expect(lines[0]).toContain('2개');
    expect(await page.locator('.voice-listen').getAttribute('aria-pressed')).toBe('true');
  });

  it('hears the customer when the microphone capture crashes as listening starts: it is started again', async () => {
    const context = await browser.newContext({ viewport: PORTRAIT, locale: 'ko-KR' });
    // The restart waits a second or so: the first word may come later than usual on a busy machine.
    context.setDefaultTimeout(45_000);
    // The first capture node the page makes fails as a processor that throws does: silent, with a
    // processor error (the worklet module itself cannot be swapped: the page's Content-Security-Policy
    // allows no blob: scripts, and Chromium does not route worklet fetches). The page counts the nodes.
    await context.addInitScript(() => {
      const scope = window as unknown as { captureNodes: number; AudioWorkletNode: typeof AudioWorkletNode };
      scope.captureNodes = 0;
      const RealNode = scope.AudioWorkletNode;
      scope.AudioWorkletNode = class CountedNode extends RealNode {
        constructor(...args: ConstructorParameters<typeof AudioWorkletNode>) {
          super(...args);
          scope.captureNodes += 1;
          if (scope.captureNodes !== 1) return;
          // At its first block of audio the processor "throws": its port goes quiet and the node reports the error.
          this.port.addEventListener('message', () => {
            this.port.close();
            // Called as the browser calls it: a dispatched event did not reach the page's `onprocessorerror` in Chromium.
            this.onprocessorerror?.call(this, new ErrorEvent('processorerror', { message: 'capture crashed on purpose' }));
          }, { once: true });
        }
      };
    });
    const page = await openKiosk(await context.newPage(), server.url);
    await orderKimchiStewByVoice(page);
    expect(await page.evaluate(() => (window as unknown as { captureNodes: number }).captureNodes)).toBe(2);
    expect(await page.locator('.cart-line').allInnerTexts()).toEqual([expect.stringContaining('김치찌개')]);
  });
});

describe('offline voice ordering with people talking nearby', () => {
  /** After the order, three sentences that are not orders, in sentences and a voice training never heard. */
  const talk = ['택시 불렀어?', '안경을 어디 뒀더라', '어머나 세상에'];
  let talkBrowser: Browser;
  let recordingSeconds: number;

  beforeAll(async () => {
    const recording = await conversationRecording(['김치찌개', '두 개', '네', ...talk], 2.5);
    recordingSeconds = fs.statSync(recording).size / (2 * 16_000);
    talkBrowser = await launchChromium({ args: fakeMicrophoneArgs(recording) });
  });
  afterAll(async () => {
    await talkBrowser?.close();
  });

  it('acts on none of it: the cart and the screen stay as the order left them', { timeout: 120_000 }, async () => {
    const context = await talkBrowser.newContext({ viewport: PORTRAIT, locale: 'ko-KR' });
    context.setDefaultTimeout(20_000);
    const page = await openKiosk(await context.newPage(), server.url);
    const started = Date.now();
    await orderKimchiStewByVoice(page);
    // Let the whole recording play: the talk comes after the order ("anything else?" listens for dishes and answers).
    await page.waitForTimeout(Math.max(0, recordingSeconds * 1000 - (Date.now() - started)) + 2000);
    expect(await page.locator('.kiosk').getAttribute('data-phase')).toBe('review');
    expect(await page.locator('.cart-line').allInnerTexts()).toEqual([expect.stringMatching(/김치찌개[\s\S]*2개/)]);
    expect(await page.locator('.voice-question').count()).toBe(0);
  });
});
