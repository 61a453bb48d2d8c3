/** The owner closes the shop for today in the console; the kiosk's closed screen says when it opens next. */
import { describe, expect, it } from 'vitest';
import { localMoment } from '../src/domain/store-hours';
import { axeViolations } from './support/accessibility';
import { consolePages, createConsoleUser, signIn } from './support/console-pages';
import { useKioskHarness } from './support/harness';

const harness = useKioskHarness();

describe('opening hours', () => {
  it('a closed date set in the console closes the kiosk until tomorrow, and it says so', async () => {
    const password = await createConsoleUser(harness.server, 'owner-hours', 'owner');
    const page = await signIn(await harness.newPage({ viewport: { width: 1440, height: 900 } }), harness.server.url, 'owner-hours', password);
    await consolePages.open(page, 'settings');
    // The test server is open around the clock (00:00–00:00), so tomorrow it opens at midnight.
    const today = localMoment(new Date(), 'Asia/Seoul').date;
    await page.locator('input[name="closedDate"]').fill(today);
    await page.getByRole('button', { name: '추가 · Add' }).click();
    await page.getByRole('button', { name: '저장 · Save' }).click();
    await page.getByText('저장했어요 · Saved').waitFor();
    expect(await axeViolations(page, 'console settings with hours', { enhancedContrast: false })).toEqual([]);

    const kiosk = await harness.newPage();
    await kiosk.goto(harness.server.url);
    await kiosk.locator('.kiosk[data-closed="true"] .closed-screen').waitFor();
    expect(await kiosk.getByTestId('opens-next').innerText()).toBe('내일 00:00에 다시 열어요.');
    // What the kiosk shows (and says) in its announcement agrees: closed, not "press to order".
    expect(await kiosk.locator('.announcement').innerText()).toBe('지금은 영업 시간이 아니에요. 찾아 주셔서 고맙습니다. 영업 시간에 다시 와 주세요.');
    expect(await axeViolations(kiosk, 'closed screen with next opening', { enhancedContrast: false })).toEqual([]);
  });
});
