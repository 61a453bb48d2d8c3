/** Idle reset only after a spoken, visible warning with a "more time" button (KWCAG 6.2.1), on a fake clock. */
import { describe, expect, it } from 'vitest';
import { spokenTexts, useKioskHarness } from './support/harness';
import { easy, item, menu, openKiosk, waitForPhase, welcome, dining, payment, phaseOf } from './support/kiosk-tour';

const harness = useKioskHarness();

async function kioskOnFakeClock() {
  const page = await harness.newPage();
  await page.clock.install();
  return openKiosk(page, harness.server.url);
}

describe('idle kiosk', () => {
  it('warns after 120 s of quiet, gives more time, and resets only after the 20 s warning', async () => {
    const page = await kioskOnFakeClock();
    await welcome.startStandard(page);
    await menu.chooseCategory(page, '사이드');
    await menu.openItem(page, 'gun-mandu');
    await item.add(page);

    await page.clock.runFor(119_000);
    expect(await page.locator('.idle-dialog').count()).toBe(0);
    await page.clock.runFor(2_000);
    await page.locator('.idle-dialog').waitFor();
    expect(await page.locator('.idle-countdown').innerText()).toMatch(/^(20|19)초 뒤에 처음 화면으로 돌아가요\.$/);
    await expect.poll(async () => (await spokenTexts(page)).at(-1)?.text).toContain('시간 더 주세요');

    await page.getByRole('button', { name: '시간 더 주세요' }).click();
    expect(await page.locator('.idle-dialog').count()).toBe(0);
    expect(await menu.summary(page)).toBe('담은 메뉴 1개 · 6,000원');

    await page.clock.runFor(120_000 + 19_000);
    expect(await phaseOf(page)).toBe('browse');
    await page.clock.runFor(2_000);
    await waitForPhase(page, 'welcome');
    await welcome.startStandard(page);
    expect(await menu.summary(page)).toBe('아직 담은 메뉴가 없어요');
  });

  it('counts any touch as activity, and never warns on the welcome screen', async () => {
    const page = await kioskOnFakeClock();
    await page.clock.runFor(600_000);
    expect(await page.locator('.idle-dialog').count()).toBe(0);
    await welcome.startEasy(page);
    await page.clock.runFor(100_000);
    await menu.chooseCategory(page, '음료');
    await page.clock.runFor(100_000);
    expect(await page.locator('.idle-dialog').count()).toBe(0);
    await page.clock.runFor(25_000);
    await page.locator('.idle-dialog').waitFor();
  });

  it('returns from the order number to the start after its countdown', async () => {
    const page = await kioskOnFakeClock();
    await welcome.startEasy(page);
    await menu.chooseCategory(page, '음료');
    await easy.chooseItem(page, 'sikhye');
    await easy.addToOrder(page);
    await easy.nothingMore(page);
    await dining.dineIn(page);
    await payment.insertApprovedCard(page);
    await waitForPhase(page, 'done');
    expect(await page.locator('.done-returning').innerText()).toBe('30초 뒤에 처음 화면으로 돌아가요.');
    await page.clock.runFor(10_000);
    expect(await page.locator('.done-returning').innerText()).toBe('20초 뒤에 처음 화면으로 돌아가요.');
    await page.clock.runFor(21_000);
    await waitForPhase(page, 'welcome');
  });
});
