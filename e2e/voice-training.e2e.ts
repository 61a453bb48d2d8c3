/**
 * 음성 학습 in Chromium: Chromium's fake microphone says "네" (espeak-ng, a voice training never
 * used); staff record it with consent through the page's 16 kHz capture, the take is stored as
 * the recognizer's WAV with the voice in it, listed per speaker, and deleted one take or a speaker at once.
 */
import wavefile from 'wavefile';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { VoiceRecordingListResponse } from '../src/contracts/voice-recordings';
import type { TestServer } from '../src/test-support/test-server';
import { axeViolations } from './support/accessibility';
import { launchChromium } from './support/chromium';
import { consolePages, createConsoleUser, signIn } from './support/console-pages';
import { failOnCspViolations, watchCsp } from './support/csp-guard';
import { conversationRecording, fakeMicrophoneArgs } from './support/fake-microphone';
import { startKioskServer } from './support/kiosk-server';

const { WaveFile } = wavefile;
let server: TestServer;
let browser: Browser;

failOnCspViolations();
beforeAll(async () => {
  server = await startKioskServer({ CAMERA_POLICY: 'off' });
  // One second of room noise, then "네": the take has silence and the voice in it.
  const recording = await conversationRecording(['네'], 1);
  browser = await launchChromium({ args: fakeMicrophoneArgs(recording) });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openVoicePage(username: string): Promise<Page> {
  const password = await createConsoleUser(server, username, 'staff');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ko-KR' });
  context.setDefaultTimeout(15_000);
  await watchCsp(context);
  const page = await signIn(await context.newPage(), server.url, username, password);
  await consolePages.open(page, 'voice');
  await page.getByText('녹음이 없어요 · No recordings yet').waitFor();
  return page;
}

async function recordTake(page: Page, speaker: string, phrase: string, seconds: number): Promise<void> {
  await page.getByLabel('말하는 사람 · Speaker').fill(speaker);
  await page.getByLabel('문구 · Phrase').selectOption(phrase);
  await page.getByRole('button', { name: '녹음 · Record' }).click();
  await page.getByText(`녹음 중… 문구를 말하세요 · Recording… say “${phrase}”`).waitFor();
  await page.waitForTimeout(seconds * 1000);
  await page.getByRole('button', { name: '끝 · Stop' }).click();
  await page.getByText(`저장했어요 · Saved: ${speaker} · ${phrase}`).waitFor();
}

/** The loudest 32 ms of a stored take, as a share of full scale. */
function peakLevel(wav: Buffer): { sampleRate: number; channels: number; peak: number } {
  const file = new WaveFile(wav);
  const format = file.fmt as { sampleRate: number; numChannels: number };
  const samples = file.getSamples(false, Int16Array) as unknown as Int16Array;
  let peak = 0;
  for (let start = 0; start + 512 <= samples.length; start += 512) {
    const rms = Math.sqrt(samples.subarray(start, start + 512).reduce((sum, value) => sum + value * value, 0) / 512) / 32768;
    peak = Math.max(peak, rms);
  }
  return { sampleRate: format.sampleRate, channels: format.numChannels, peak };
}

describe('voice training in the console', () => {
  it('staff record "네" from the microphone with consent, hear it listed per speaker, and delete takes', { timeout: 90_000 }, async () => {
    const page = await openVoicePage('staff-voice');
    page.on('dialog', (dialog) => void dialog.accept());

    // No store version yet: the kiosks use the shipped model, and staff have nothing to roll back.
    await page.locator('[data-active-version="shipped"]').waitFor();
    expect(await page.getByRole('button', { name: '되돌리기 · Roll back' }).count()).toBe(0);

    // No consent, no recording.
    await page.getByLabel('말하는 사람 · Speaker').fill('민지');
    const record = page.getByRole('button', { name: '녹음 · Record' });
    expect(await record.isDisabled()).toBe(true);
    await page.getByLabel(/녹음과 음성 인식 학습에 동의했어요/).check();
    expect(await record.isDisabled()).toBe(false);

    await recordTake(page, '민지', '네', 3);
    const minji = consolePages.voiceSpeaker(page, '민지');
    await minji.locator('tr[data-phrase="네"]').waitFor();
    const listed = (await (await page.request.get(`${server.url}/api/admin/voice/recordings`)).json()) as VoiceRecordingListResponse;
    expect(listed.recordings).toHaveLength(1);
    const take = listed.recordings[0]!;
    expect(take.durationMs).toBeGreaterThan(2000);

    // What was kept is the recognizer's format with the voice in it, played back only to the console.
    const audio = await page.request.get(`${server.url}/api/admin/voice/recordings/${take.id}/audio`);
    expect(audio.status()).toBe(200);
    const level = peakLevel(await audio.body());
    expect(level).toMatchObject({ sampleRate: 16_000, channels: 1 });
    // The voice peaks near 0.2 of full scale, the room noise under it near 0.02.
    expect(level.peak).toBeGreaterThan(0.08);
    expect((await fetch(`${server.url}/media/private/voice-recordings/${take.id}.wav`)).status).toBe(404);

    // A second person, two takes; then one take goes, then all of 민지's.
    await recordTake(page, '지훈', '네', 0.6);
    await recordTake(page, '지훈', '아니요', 0.6);
    const jihoon = consolePages.voiceSpeaker(page, '지훈');
    await expect.poll(() => jihoon.locator('tbody tr').count()).toBe(2);
    expect(await axeViolations(page, 'console voice training', { enhancedContrast: false })).toEqual([]);
    await jihoon.locator('tr[data-phrase="아니요"]').getByRole('button', { name: /삭제 · Delete/ }).click();
    await expect.poll(() => jihoon.locator('tbody tr').count()).toBe(1);

    await minji.getByRole('button', { name: /모두 삭제 · Delete all/ }).click();
    await page.getByText('지웠어요 · Deleted: 민지').waitFor();
    await expect.poll(() => minji.count()).toBe(0);
    const left = (await (await page.request.get(`${server.url}/api/admin/voice/recordings`)).json()) as VoiceRecordingListResponse;
    expect(left.recordings.map((recording) => [recording.speaker, recording.phrase])).toEqual([['지훈', '네']]);

    // One take left: training says why it cannot start (every third take is its test).
    await page.getByRole('button', { name: '학습 시작 · Start training' }).click();
    await page.getByRole('alert').filter({ hasText: 'Record at least 3 takes first' }).waitFor();
  });
});
