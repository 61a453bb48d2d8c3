/** The operator console, one helper per page, as an owner or staff member uses it. */
import type { Page } from 'playwright-core';

export { createConsoleUser } from '../../src/test-support/console-session';

export async function signIn(page: Page, url: string, username: string, password: string): Promise<Page> {
  await page.goto(`${url}/admin`);
  await page.getByLabel('아이디 · Username').fill(username);
  await page.getByLabel('비밀번호 · Password').fill(password);
  await page.getByRole('button', { name: '로그인 · Sign in' }).click();
  await page.locator('.console-nav').waitFor();
  return page;
}

export const consolePages = {
  open: (page: Page, name: 'orders' | 'close' | 'analytics' | 'menu' | 'calls' | 'audit' | 'devices' | 'printers' | 'review' | 'settings' | 'models' | 'voice') => page.locator(`.console-nav a[href="#${name}"]`).click(),
  /** Settings: the camera and learning settings sit folded under 고급. */
  openAdvancedSettings: (page: Page) => page.locator('.settings-advanced summary').click(),
  orderRow: (page: Page, orderNumber: number) => page.locator(`tr[data-order-number="${orderNumber}"]`),
  menuRow: (page: Page, itemId: string) => page.locator(`tr[data-item-id="${itemId}"]`),
  deviceRow: (page: Page, deviceId: string) => page.locator(`tr[data-device-id="${deviceId}"]`),
  reviewItem: (page: Page, decisionId: string) => page.locator(`.review-item[data-decision-id="${decisionId}"]`),
  versionRow: (page: Page, version: string) => page.locator(`tr[data-version="${version}"]`),
  printerCard: (page: Page, printerId: string) => page.locator(`.printer[data-printer-id="${printerId}"]`),
  voiceSpeaker: (page: Page, speaker: string) => page.locator(`.voice-speaker[data-speaker="${speaker}"]`),
  ticket: (page: Page, kind: string) => page.locator(`.ticket[data-kind="${kind}"]`),
};
