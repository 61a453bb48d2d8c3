/**
 * The kitchen display's day: a new order chimes and glows, each card says how long its customer has
 * waited, the last tap can be undone, and a ready number can be called again on the pickup board.
 */
import { describe, expect, it } from 'vitest';
import { EMBEDDED_BROKER } from '../src/test-support/test-server';
import { axeViolations } from './support/accessibility';
import { kitchen, openDevicePage, pickup } from './support/device-pages';
import { spokenTexts, useKioskHarness } from './support/harness';
import { placeOrder } from './support/orders';

const harness = useKioskHarness(EMBEDDED_BROKER);
const LANDSCAPE = { viewport: { width: 1280, height: 800 } };


/** Counts the notes the page plays, and passes them on. */
function countNotes(): void {
  const notes = { count: 0 };
  (window as unknown as { notes: typeof notes }).notes = notes;
  const create = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function countedOscillator(this: AudioContext) {
    notes.count += 1;
    return create.call(this);
  };
}
const notesPlayed = (page: import('playwright-core').Page) => page.evaluate(() => (window as unknown as { notes: { count: number } }).notes.count);

describe('kitchen display', () => {
  it('chimes for a new order, undoes the last step, calls a number again, and shows long waits', async () => {
    const kitchenPage = await harness.newPage(LANDSCAPE);
    await kitchenPage.addInitScript(countNotes);
    await openDevicePage(kitchenPage, harness.server, 'kitchen', 'kitchen-steps');
    const board = await openDevicePage(await harness.newPage(LANDSCAPE), harness.server, 'pickup', 'pickup-steps');

    expect(await notesPlayed(kitchenPage)).toBe(0);
    const { orderNumber: number, id } = await placeOrder(harness.server, [{ itemId: 'bibimbap', quantity: 1 }]);
    const card = kitchen.card(kitchenPage, number);
    await card.and(kitchenPage.locator('.new')).waitFor();
    await expect.poll(() => notesPlayed(kitchenPage)).toBe(2);
    expect(await kitchenPage.locator('.new-order-announcement').innerText()).toContain(String(number));
    expect(await card.innerText()).toContain('0분 대기');
    expect(await axeViolations(kitchenPage, 'kitchen display with a new order', { enhancedContrast: false })).toEqual([]);

    // Ready by mistake: undo puts it back to cooking, on both screens.
    await kitchen.markReady(kitchenPage, number);
    await board.locator('.ready-numbers li', { hasText: String(number) }).waitFor();
    await kitchen.undo(kitchenPage);
    await card.and(kitchenPage.locator('.paid')).waitFor();
    await board.locator('.cooking-numbers li', { hasText: String(number) }).waitFor();
    expect(await statusOf(id)).toBe('paid');
    expect(await notesPlayed(kitchenPage)).toBe(2);

    // Ready, and the customer does not come: call the number again.
    await kitchen.markReady(kitchenPage, number);
    await board.locator('.ready-numbers li', { hasText: String(number) }).waitFor();
    await kitchen.callAgain(kitchenPage, number);
    await expect.poll(() => pickup.calledAgain(board)).toContain(String(number));
    await expect.poll(async () => (await spokenTexts(board)).map((spoken) => spoken.text)).toContain(`${number}번 고객님, 주문하신 음식을 찾아가 주세요.`);

    // Handed over by mistake: undo brings it back as ready.
    await kitchen.markReady(kitchenPage, number);
    await card.waitFor({ state: 'detached' });
    await kitchen.undo(kitchenPage);
    await card.and(kitchenPage.locator('.ready')).waitFor();
    await expect.poll(() => pickup.readyNumbers(board)).toContain(String(number));
    expect(await statusOf(id)).toBe('ready');

    // A customer waiting a quarter of an hour is marked.
    await harness.server.db.updateTable('orders').set({ created_at: new Date(Date.now() - 15 * 60_000).toISOString() }).where('id', '=', id).execute();
    await kitchenPage.reload();
    await card.locator('.waited.long').waitFor();
    expect(await card.locator('.waited').innerText()).toContain('15분 대기');
  });
});

async function statusOf(id: string): Promise<string> {
  return (await harness.server.db.selectFrom('orders').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
}
