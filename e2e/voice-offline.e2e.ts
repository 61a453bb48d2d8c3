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
});
