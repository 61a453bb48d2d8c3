/** Store device pages (kitchen display, pickup board, staff pager), paired the way staff pair them. */
import type { Page } from 'playwright-core';
import type { DeviceKind } from '../../src/iot/devices';
import { pairingLink } from '../../src/server/seed/demo-devices';
import type { TestServer } from '../../src/test-support/test-server';

export async function openDevicePage(page: Page, server: TestServer, kind: DeviceKind, id: string): Promise<Page> {
  const { credential } = await server.devices.register({ id, storeId: server.config.storeId, kind });
  await page.goto(`${server.url}${pairingLink(kind, credential)}`);
  await page.locator('.feed-status[data-status="live"]').waitFor();
  return page;
}

export const kitchen = {
  card: (page: Page, orderNumber: number) => page.locator(`.order-card[data-order-number="${orderNumber}"]`),
  /** The card's main step: ready, then picked up. */
  markReady: (page: Page, orderNumber: number) => kitchen.card(page, orderNumber).locator('.card-actions .action').first().click(),
  callAgain: (page: Page, orderNumber: number) => kitchen.card(page, orderNumber).getByRole('button', { name: /다시 호출/ }).click(),
  undo: (page: Page) => page.locator('.undo-bar').getByRole('button', { name: /되돌리기/ }).click(),
};

export const pickup = {
  readyNumbers: (page: Page) => page.locator('.ready-numbers li').allInnerTexts(),
  calledAgain: (page: Page) => page.locator('.ready-numbers li.called-again').allInnerTexts(),
  cookingNumbers: (page: Page) => page.locator('.cooking-numbers li').allInnerTexts(),
};

export const pager = {
  call: (page: Page, kioskId: string) => page.locator(`.call[data-kiosk="${kioskId}"]`),
};
