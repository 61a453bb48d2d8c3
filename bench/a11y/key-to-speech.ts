/**
 * The voice guide in Chromium: from a keypad key to speech, for the focus moving to a control.
 * Two times per key: until the page asks for the words (our work in the page), and until the
 * first sound plays. Chromium on Linux has no voice of its own, so the words come as the server's
 * espeak-ng WAV: the first time a sentence is said it is synthesized, then it comes from the cache.
 * Times are taken inside the page (performance.now), from the keydown event.
 */
import { launchChromium } from '../../e2e/support/chromium';
import { startKioskServer } from '../../e2e/support/kiosk-server';
import { PORTRAIT } from '../../e2e/support/kiosk-tour';
import { percentile } from '../../src/shared/percentile';

export type KeyToSpeech = { keys: number; requestMsP50: number; requestMsP99: number; soundMsP50: number; soundMsP99: number };
export type KeyToSpeechRuns = { newSentence: KeyToSpeech; cachedSentence: KeyToSpeech };

type Timing = { requestMs: number; soundMs: number };

/** In the page: when each key went down, when the page asked for speech, when sound began. No named inner functions: tsx would wrap them in a helper the page lacks. */
function recordTimings(): void {
  const timings: Timing[] = [];
  let keyAt = NaN;
  (window as unknown as { timings: Timing[] }).timings = timings;
  window.addEventListener('keydown', () => (keyAt = performance.now()), true);
  // The page fetches the server's words (timed as the request), then plays them from a blob (timed as the sound).
  const fetchWords = window.fetch.bind(window);
  let pending: Timing | null = null;
  let pendingKey = NaN;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    if (new URL(input instanceof Request ? input.url : String(input), location.href).pathname === '/api/speech') {
      pending = { requestMs: performance.now() - keyAt, soundMs: NaN };
      pendingKey = keyAt;
      timings.push(pending);
    }
    return fetchWords(input, init);
  };
  const play = HTMLMediaElement.prototype.play;
  HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
    const timing = pending;
    const pressed = pendingKey;
    if (timing) this.addEventListener('playing', () => (timing.soundMs = performance.now() - pressed), { once: true });
    return play.call(this);
  };
}

function summary(timings: Timing[]): KeyToSpeech {
  const requests = timings.map((timing) => timing.requestMs);
  const sounds = timings.map((timing) => timing.soundMs).filter(Number.isFinite);
  return { keys: timings.length, requestMsP50: percentile(requests, 0.5), requestMsP99: percentile(requests, 0.99), soundMsP50: percentile(sounds, 0.5), soundMsP99: percentile(sounds, 0.99) };
}

/** Walks down `steps` controls of the menu (each sentence new), then back up over them (each cached). */
export async function measureKeyToSpeech(steps: number): Promise<KeyToSpeechRuns> {
  const server = await startKioskServer({ CAMERA_POLICY: 'off', IDLE_WARNING_AFTER_MS: '3600000' });
  const browser = await launchChromium({ args: ['--autoplay-policy=no-user-gesture-required'] });
  try {
    const context = await browser.newContext({ viewport: PORTRAIT, locale: 'ko-KR' });
    await context.addInitScript(recordTimings);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('.kiosk[data-phase="welcome"]').waitFor();
    await page.keyboard.press('ArrowDown'); // starts the guide
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('.kiosk[data-phase="browse"]').waitFor();
    const walk = async (key: string): Promise<Timing[]> => {
      const from = await page.evaluate(() => (window as unknown as { timings: Timing[] }).timings.length);
      for (let step = 0; step < steps; step += 1) {
        await page.keyboard.press(key);
        // The next key only once this sentence sounds (or has had 5 s): a listener waits for it too.
        await page.waitForFunction(() => {
          const last = (window as unknown as { timings: Timing[] }).timings.at(-1);
          return last !== undefined && Number.isFinite(last.soundMs);
        }, undefined, { timeout: 5_000 }).catch(() => undefined);
      }
      return page.evaluate((start) => (window as unknown as { timings: Timing[] }).timings.slice(start), from);
    };
    const fresh = await walk('ArrowDown');
    // Back over the same controls: the same sentences, so the server answers from its cache.
    await page.keyboard.press('ArrowDown');
    const cached = await walk('ArrowUp');
    return { newSentence: summary(fresh), cachedSentence: summary(cached) };
  } finally {
    await browser.close();
    await server.close();
  }
}
