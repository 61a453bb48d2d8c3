/**
 * Voice ordering wired end to end: the browser's SpeechRecognition is replaced by a scripted
 * stand-in that "hears" the given sentences (this machine has no speech service); understanding,
 * confirmation and the cart are the real ones.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { spokenTexts, useKioskHarness } from './support/harness';
import { menu, openKiosk, waitForPhase, welcome } from './support/kiosk-tour';

// The browser's recognizer is the operator's choice; the default is our offline one.
const harness = useKioskHarness({ VOICE_ENGINE: 'browser' });

async function kioskHearing(): Promise<Page> {
  const page = await harness.newPage();
  await page.addInitScript(() => {
    const heard: string[] = [];
    (window as unknown as { heard: string[] }).heard = heard;
    class ScriptedRecognition {
      lang = '';
      onresult: ((event: unknown) => void) | null = null;
      onend: (() => void) | null = null;
      start() {
        const text = heard.shift();
        setTimeout(() => {
          if (text) this.onresult?.({ results: [[{ transcript: text }]] });
          this.onend?.();
        }, 30);
      }
      stop() {}
    }
    (window as unknown as { SpeechRecognition: unknown }).SpeechRecognition = ScriptedRecognition;
  });
  return openKiosk(page, harness.server.url);
}

async function say(page: Page, text: string): Promise<void> {
  await page.evaluate((words) => (window as unknown as { heard: string[] }).heard.push(words), text);
  await page.locator('.voice-listen').click();
  await page.locator('.voice-heard', { hasText: text }).waitFor();
}

describe('voice ordering', () => {
  it('easy mode: "김치찌개", "두 개", "네" puts two kimchi stews in the cart', async () => {
    const page = await kioskHearing();
    await welcome.startEasy(page);
    await say(page, '김치찌개');
    await page.locator('.easy-question').waitFor();
    await say(page, '두 개');
    expect(await page.locator('.voice-question').innerText()).toBe('김치찌개 2개 맞으세요?');
    expect((await spokenTexts(page)).at(-1)?.text).toBe('김치찌개 2개 맞으세요?');
    await say(page, '네');
    await waitForPhase(page, 'review');
    const lines = await page.locator('.cart-line').allInnerTexts();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('김치찌개');
    expect(lines[0]).toContain('2개');
  });

  it('standard mode: several dishes in one sentence are asked back, and the button answers too', async () => {
    const page = await kioskHearing();
    await welcome.startStandard(page);
    await say(page, '김치찌개 두 개랑 콜라 하나 주세요');
    expect(await page.locator('.voice-question').innerText()).toBe('김치찌개 2개, 콜라 1개 담을까요?');
    expect(await menu.summary(page)).toBe('아직 담은 메뉴가 없어요');
    await page.locator('.voice-answers .action.primary').click();
    expect(await menu.summary(page)).toBe('담은 메뉴 3개 · 20,000원');
  });

  it('says so when it did not understand, and changes nothing', async () => {
    const page = await kioskHearing();
    await welcome.startStandard(page);
    await say(page, '피자 한 판 주세요');
    expect(await page.locator('.voice-message').innerText()).toContain('잘 못 알아들었어요');
    expect(await menu.summary(page)).toBe('아직 담은 메뉴가 없어요');
  });
});
