/** Per test file: one real server and one Chromium, torn down afterwards. */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { TestServer } from '../../src/test-support/test-server';
import { launchChromium } from './chromium';
import { failOnCspViolations, watchCsp } from './csp-guard';
import { startKioskServer, type KioskServerOptions } from './kiosk-server';
import { PORTRAIT } from './kiosk-tour';

export type Harness = { server: TestServer; browser: Browser; newPage: (options?: BrowserContextOptions) => Promise<Page> };

/**
 * The camera is off unless a test turns it on: most tests are about ordering, not the camera.
 * `now` sets the server's clock (suggestions learned from lunchtime orders want lunchtime).
 */
export function useKioskHarness(env: NodeJS.ProcessEnv = {}, chromiumArgs: string[] = [], now?: () => Date, serverOptions: KioskServerOptions = {}): Harness {
  const harness = {} as Harness;
  failOnCspViolations();
  beforeAll(async () => {
    harness.server = await startKioskServer({ CAMERA_POLICY: 'off', ...env }, now, serverOptions);
    harness.browser = await launchChromium({ args: chromiumArgs });
    harness.newPage = async (options = {}) => {
      const context = await harness.browser.newContext({ viewport: PORTRAIT, locale: 'ko-KR', ...options });
      context.setDefaultTimeout(10_000);
      await context.addInitScript(recordSpeech);
      await watchCsp(context);
      return context.newPage();
    };
  });
  afterAll(async () => {
    await harness.browser?.close();
    await harness.server?.close();
  });
  return harness;
}

/**
 * What the page said and how: `rate` is the synthesizer's rate, or the audio's playback rate
 * (relative to the server's calm voice), so a faster setting is a larger number either way.
 */
export type Spoken = { text: string; lang: string; volume: number; rate: number };

/**
 * Records what the page says, by either road (the browser's synthesizer, or the server's audio
 * where the browser has no voice), and still passes it on.
 */
function recordSpeech(): void {
  const spoken: Spoken[] = [];
  (window as unknown as { spoken: typeof spoken }).spoken = spoken;
  const speak = speechSynthesis.speak.bind(speechSynthesis);
  speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
    spoken.push({ text: utterance.text, lang: utterance.lang, volume: utterance.volume, rate: utterance.rate });
    speak(utterance);
  };
  // The page fetches the server's audio (with its credential) and plays it from a blob whose
  // element carries the words as its title. The words are recorded as they are asked for (as the
  // browser's synthesizer's are, even when the next words cut them off); their volume and rate
  // when they start to play (NaN until then).
  const fetchAudio = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.href);
    if (url.pathname === '/api/speech') spoken.push({ text: url.searchParams.get('text') ?? '', lang: url.searchParams.get('lang') ?? '', volume: NaN, rate: NaN });
    return fetchAudio(input, init);
  };
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function playRecorded(this: HTMLMediaElement) {
    const asked = [...spoken].reverse().find((entry) => entry.text === this.title && Number.isNaN(entry.volume));
    if (asked) Object.assign(asked, { volume: this.volume, rate: this.playbackRate });
    return play.call(this);
  };
}

export async function spokenTexts(page: Page): Promise<Spoken[]> {
  return page.evaluate(() => (window as unknown as { spoken: Spoken[] }).spoken);
}
