/**
 * 음성 학습 end to end, a run that keeps a better model: the store's current version acts on
 * nothing (`neverSureVoiceModel`, put in place through the real registry), staff record
 * "김치찌개" on the page from Chromium's fake microphone (the other takes come through the API,
 * in espeak-ng voices training never uses), 학습 시작 on the page runs the real `kiosk voice train
 * --recordings` child at a tiny size, and the page shows the verdict and the held-out numbers. The
 * kept version is what the server serves and what a paired kiosk in Chromium loads and hears
 * "김치찌개" with; 되돌리기 puts the version before back: served, and announced to that kiosk,
 * which loads it without a reload; 다시 쓰기 makes the kept one active again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { consoleSession, CONSOLE_HEADERS } from '../src/test-support/console-session';
import { keepStoreVoiceModel, neverSureVoiceModel, staffTake, TINY_VOICE_TRAINING } from '../src/test-support/store-voices';
import type { TestServer } from '../src/test-support/test-server';
import { launchChromium } from './support/chromium';
import { consolePages, createConsoleUser, signIn } from './support/console-pages';
import { failOnCspViolations, watchCsp } from './support/csp-guard';
import { conversationRecording, fakeMicrophoneArgs } from './support/fake-microphone';
import { startKioskServer } from './support/kiosk-server';
import { pairingLink } from '../src/server/seed/demo-devices';
import { openKiosk, PORTRAIT, welcome } from './support/kiosk-tour';

let server: TestServer;
let browser: Browser;

failOnCspViolations();
beforeAll(async () => {
  server = await startKioskServer({ CAMERA_POLICY: 'off', VOICE_ENGINE: 'offline' }, undefined, { voiceTrainingSize: TINY_VOICE_TRAINING });
  // The console's take and the kiosk both hear this: a second and a half of room noise, then "김치찌개".
  browser = await launchChromium({ args: fakeMicrophoneArgs(await conversationRecording(['김치찌개'], 1.5)) });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const servedVersion = async () => ((await (await fetch(`${server.url}/models/voice-keywords/model.json`)).json()) as { version: string }).version;

/** The next voice model `page` fetches: its version. */
async function fetchedVoiceModel(page: Page): Promise<string> {
  const response = await page.waitForResponse((candidate) => new URL(candidate.url()).pathname === '/models/voice-keywords/model.json');
  return ((await response.json()) as { version: string }).version;
}

/** A kiosk paired as staff pair one (so it hears the store's announcements), in easy mode with the microphone on. */
async function pairedKioskListening(id: string): Promise<{ page: Page; version: string }> {
  const { credential } = await server.devices.register({ id, storeId: server.config.storeId, kind: 'kiosk' });
  const context = await browser.newContext({ viewport: PORTRAIT, locale: 'ko-KR' });
  context.setDefaultTimeout(20_000);
  await watchCsp(context);
  const page = await openKiosk(await context.newPage(), `${server.url}${pairingLink('kiosk', credential)}`);
  await welcome.startEasy(page);
  const fetched = fetchedVoiceModel(page);
  await page.locator('.voice-listen').click();
  return { page, version: await fetched };
}

/** Takes the page does not record: "김치찌개" twice more and "네" three times, in two staff voices. */
async function addTakesThroughTheApi(): Promise<void> {
  const staff = await consoleSession(server, 'staff');
  const takes: [number, string][] = [[0, '김치찌개'], [1, '김치찌개'], [0, '네'], [1, '네'], [0, '네']];
  for (const [speaker, phrase] of takes) {
    const query = new URLSearchParams({ speaker: `직원${speaker}`, phrase, consent: 'yes' });
    const response = await staff('POST', `/api/admin/voice/recordings?${query}`, await staffTake(speaker, phrase), { ...CONSOLE_HEADERS, 'content-type': 'audio/wav' });
    expect(response.status).toBe(201);
  }
}

describe('a voice training run from the console', () => {
  it('keeps an adapted model that hears the held-out takes better, kiosks load it, 되돌리기 brings back the one before and 다시 쓰기 the kept one', { timeout: 300_000 }, async () => {
    const before = await keepStoreVoiceModel(server, await neverSureVoiceModel(), new Date(Date.now() - 60_000));
    expect((await pairedKioskListening('kiosk-before')).version).toBe(before);

    const password = await createConsoleUser(server, 'owner-voice', 'owner');
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ko-KR' });
    context.setDefaultTimeout(15_000);
    await watchCsp(context);
    const page = await signIn(await context.newPage(), server.url, 'owner-voice', password);
    page.on('dialog', (dialog) => void dialog.accept());
    await consolePages.open(page, 'voice');
    await page.locator(`[data-active-version="${before}"]`).waitFor();

    // The first take of "김치찌개" comes from the microphone, on the page.
    await page.getByLabel('말하는 사람 · Speaker').fill('민지');
    await page.getByLabel(/녹음과 음성 인식 학습에 동의했어요/).check();
    await page.getByLabel('문구 · Phrase').selectOption('김치찌개');
    await page.getByRole('button', { name: '녹음 · Record' }).click();
    await page.getByText('녹음 중… 문구를 말하세요 · Recording… say “김치찌개”').waitFor();
    await page.waitForTimeout(3500);
    await page.getByRole('button', { name: '끝 · Stop' }).click();
    await page.getByText('저장했어요 · Saved: 민지 · 김치찌개').waitFor();
    await addTakesThroughTheApi();

    await page.getByRole('button', { name: '학습 시작 · Start training' }).click();
    await page.locator('.voice-training[data-state="running"]').waitFor();
    const result = page.locator('.voice-training-result');
    await result.waitFor({ timeout: 240_000 });
    expect(await result.getByRole('status').innerText()).toMatch(/^새 모델이 더 나아서 키오스크에 쓰고 있어요 · The adapted model is better and now in use \(promoted: /);
    expect(await result.getAttribute('data-promoted')).toBe('true');
    // One take of each phrase held out (the third); the current model heard neither, the adapted one at least one.
    const storeRow = result.getByRole('row', { name: /가게 녹음 \(시험용 2개\)/ });
    const [beforeStore, afterStore] = await storeRow.getByRole('cell').allInnerTexts();
    expect(beforeStore).toBe('0.0 %');
    expect(parseFloat(afterStore!)).toBeGreaterThanOrEqual(50);
    const [beforeSynthetic, afterSynthetic] = await result.getByRole('row', { name: /합성 음성/ }).getByRole('cell').allInnerTexts();
    expect(beforeSynthetic).toBe('0.0 %');
    expect(parseFloat(afterSynthetic!)).toBeGreaterThan(50);

    // The versions list shows the kept version in use, with the numbers that let it in.
    const inUse = page.locator('[data-active-version]');
    await expect.poll(() => inUse.getAttribute('data-active-version')).not.toBe(before);
    const kept = (await inUse.getAttribute('data-active-version'))!;
    expect(kept).toMatch(/^voice-/);
    expect(await consolePages.versionRow(page, kept).getAttribute('data-status')).toBe('active');
    expect(await consolePages.versionRow(page, before).getAttribute('data-status')).toBe('retired');
    expect(await consolePages.versionRow(page, kept).innerText()).toContain(`0.0 % → ${afterStore}`);

    // The server serves it, and a kiosk loads it and hears the dish with it.
    expect(await servedVersion()).toBe(kept);
    const kiosk = await pairedKioskListening('kiosk-1');
    expect(kiosk.version).toBe(kept);
    await kiosk.page.locator('.voice-heard', { hasText: '김치찌개' }).waitFor();

    // 되돌리기: the version before is in use again, served, and announced: the open kiosk loads it.
    const reloaded = fetchedVoiceModel(kiosk.page);
    await page.getByRole('button', { name: '되돌리기 · Roll back' }).click();
    await page.locator(`[data-active-version="${before}"]`).waitFor();
    expect(await consolePages.versionRow(page, kept).getAttribute('data-status')).toBe('retired');
    expect(await servedVersion()).toBe(before);
    expect(await reloaded).toBe(before);

    // 다시 쓰기 on the kept row: one rollback too many is undone, and the open kiosk follows.
    const reloadedAgain = fetchedVoiceModel(kiosk.page);
    await consolePages.versionRow(page, kept).getByRole('button', { name: /다시 쓰기/ }).click();
    await page.locator(`[data-active-version="${kept}"]`).waitFor();
    expect(await servedVersion()).toBe(kept);
    expect(await reloadedAgain).toBe(kept);
  });
});
