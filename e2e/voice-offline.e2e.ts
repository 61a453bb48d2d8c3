/**
 * The offline recognizer end to end: Chromium's fake microphone plays espeak-ng speech in a voice
 * training never used; the page's own recognizer hears it, and the cart changes only after "네".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
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

/**
 * The capture's processor as built, wrapped so that its first block throws: the audio thread reports
 * a processor error, as it would for a real crash, and the next processor works normally.
 */
const CRASH_FIRST_PROCESSOR = `
const registerForReal = globalThis.registerProcessor;
globalThis.registerProcessor = (name, Processor) => registerForReal(name, class extends Processor {
  process(...args) {
    if (!globalThis.crashedOnce) { globalThis.crashedOnce = true; throw new Error('capture crashed on purpose'); }
    return super.process(...args);
  }
});
`;

describe('offline voice ordering', () => {
  it('easy mode: saying "김치찌개", "두 개", "네" into the microphone puts two kimchi stews in the cart', async () => {
    const context = await browser.newContext({ viewport: PORTRAIT, locale: 'ko-KR' });
    context.setDefaultTimeout(20_000);
    const page = await openKiosk(await context.newPage(), server.url);
    await welcome.startEasy(page);
    await page.locator('.voice-listen').click();
    await page.locator('.voice-heard', { hasText: '김치찌개' }).waitFor();
    await page.locator('.voice-question', { hasText: '김치찌개 2개 맞으세요?' }).waitFor();
    await waitForPhase(page, 'review');
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
    // The page loads the built processor with the crash in front, and counts the capture nodes it makes.
    await context.addInitScript((crash) => {
      const scope = window as unknown as { captureNodes: number; AudioWorkletNode: typeof AudioWorkletNode };
      const addModule = AudioWorklet.prototype.addModule;
      AudioWorklet.prototype.addModule = async function addCrashingModule(this: AudioWorklet, url: string | URL, options?: WorkletOptions) {
        const code = crash + (await (await fetch(url)).text());
        return addModule.call(this, URL.createObjectURL(new Blob([code], { type: 'text/javascript' })), options);
      };
      scope.captureNodes = 0;
      const RealNode = scope.AudioWorkletNode;
      scope.AudioWorkletNode = class CountedNode extends RealNode {
        constructor(...args: ConstructorParameters<typeof AudioWorkletNode>) {
          super(...args);
          scope.captureNodes += 1;
        }
      };
    }, CRASH_FIRST_PROCESSOR);
    const page = await openKiosk(await context.newPage(), server.url);
    await welcome.startEasy(page);
    await page.locator('.voice-listen').click();
    await page.locator('.voice-heard', { hasText: '김치찌개' }).waitFor();
    await page.locator('.voice-question', { hasText: '김치찌개 2개 맞으세요?' }).waitFor();
    await waitForPhase(page, 'review');
    expect(await page.evaluate(() => (window as unknown as { captureNodes: number }).captureNodes)).toBe(2);
    expect(await page.locator('.cart-line').allInnerTexts()).toEqual([expect.stringContaining('김치찌개')]);
  });
});
