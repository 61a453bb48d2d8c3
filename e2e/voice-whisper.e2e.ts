/**
 * VOICE_ENGINE=whisper end to end, plumbing only: Chromium's fake microphone plays espeak-ng
 * speech; the page cuts it into turns and sends each to POST /api/voice/transcribe as PCM; the
 * server's dictation is a stand-in that checks each turn is real audio of a plausible length and
 * answers the phrase that was said, in order (no Korean whisper model can be shipped here, so the
 * decoder itself is not tested). The text then goes through the page's parser and ask-back flow.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { TestServer } from '../src/test-support/test-server';
import type { SpeechTranscriber } from '../src/server/voice/speech-transcriber';
import { launchChromium } from './support/chromium';
import { conversationRecording, fakeMicrophoneArgs } from './support/fake-microphone';
import { startKioskServer } from './support/kiosk-server';
import { openKiosk, PORTRAIT, waitForPhase, welcome } from './support/kiosk-tour';

const SAID = ['김치찌개', '두 개', '네'];
const turns: { seconds: number; rms: number; prompt: string }[] = [];
/** Answers what was said, in order, for each turn that is real audio; a stand-in for the model only. */
const dictation: SpeechTranscriber = {
  transcribe: async (samples, prompt) => {
    const rms = Math.sqrt(samples.reduce((sum, sample) => sum + sample * sample, 0) / Math.max(1, samples.length));
    turns.push({ seconds: samples.length / 16_000, rms, prompt });
    return SAID[turns.length - 1] ?? '';
  },
  close: async () => undefined,
};

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  // The model file passes the start-up check only; the stand-in dictates instead of loading it.
  const modelFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'whisper-e2e-')), 'ggml-header-only.bin');
  fs.writeFileSync(modelFile, Buffer.from([0x6c, 0x6d, 0x67, 0x67]));
  server = await startKioskServer({ CAMERA_POLICY: 'off', VOICE_ENGINE: 'whisper', WHISPER_MODEL: modelFile }, undefined, { transcriber: dictation });
  browser = await launchChromium({ args: fakeMicrophoneArgs(await conversationRecording(SAID, 2.5)) });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('voice ordering through the store server (VOICE_ENGINE=whisper)', () => {
  it('sends each spoken turn to the server and asks back before two kimchi stews go in the cart', async () => {
    const context = await browser.newContext({ viewport: PORTRAIT, locale: 'ko-KR' });
    context.setDefaultTimeout(30_000);
    const page = await openKiosk(await context.newPage(), server.url);
    await welcome.startEasy(page);
    await page.locator('.voice-listen').click();
    // While the microphone is open, the screen says where the voice goes.
    await page.locator('.voice-notice', { hasText: '가게의 서버로만' }).waitFor();
    await page.locator('.voice-heard', { hasText: '김치찌개' }).waitFor();
    await page.locator('.voice-question', { hasText: '김치찌개 2개 맞으세요?' }).waitFor();
    await waitForPhase(page, 'review');
    const lines = await page.locator('.cart-line').allInnerTexts();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('2개');
    expect(turns).toHaveLength(3);
    for (const turn of turns) {
      expect(turn.seconds).toBeGreaterThan(0.2);
      expect(turn.seconds).toBeLessThan(4);
      expect(turn.rms).toBeGreaterThan(0.005);
      expect(turn.prompt).toContain('김치찌개');
    }
  });
});
