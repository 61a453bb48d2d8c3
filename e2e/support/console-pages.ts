/** The operator console, one helper per page, as an owner or staff member uses it. */
import type { Page } from 'playwright-core';
import { AdminRepository } from '../../src/server/repositories/admin.repository';
import { AdminAuthService, type AdminRole } from '../../src/server/services/admin-auth.service';
import type { TestServer } from '../../src/test-support/test-server';

export async function createConsoleUser(server: TestServer, username: string, role: AdminRole): Promise<string> {
  const password = `${username} password`;
  await new AdminAuthService(new AdminRepository(server.db)).createUser(username, password, role);
  return password;
}

export async function signIn(page: Page, url: string, username: string, password: string): Promise<Page> {
  await page.goto(`${url}/admin`);
  await page.getByLabel('아이디 · Username').fill(username);
  await page.getByLabel('비밀번호 · Password').fill(password);
  await page.getByRole('button', { name: '로그인 · Sign in' }).click();
  await page.locator('.console-nav').waitFor();
  return page;
}

export const consolePages = {
  open: (page: Page, name: 'orders' | 'analytics' | 'menu' | 'calls' | 'devices' | 'settings' | 'models') => page.locator(`.console-nav a[href="#${name}"]`).click(),
  orderRow: (page: Page, orderNumber: number) => page.locator(`tr[data-order-number="${orderNumber}"]`),
  menuRow: (page: Page, itemId: string) => page.locator(`tr[data-item-id="${itemId}"]`),
  deviceRow: (page: Page, deviceId: string) => page.locator(`tr[data-device-id="${deviceId}"]`),
  versionRow: (page: Page, version: string) => page.locator(`tr[data-version="${version}"]`),
};
