/**
 * A restaurant's money in Chromium: a customer chooses to pay at the counter, staff take the money
 * in the consolePage and print the receipt, the owner cancels and refunds a card order with a reason, reads the audit log,
 * and downloads the day's close as CSV. Every new page passes axe.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { OrderResponse } from '../src/contracts/http';
import { axeViolations } from './support/accessibility';
import { consolePages, createConsoleUser, signIn } from './support/console-pages';
import { spokenTexts, useKioskHarness } from './support/harness';
import { done, header, oneDishToPayment, openKiosk, payment, waitForPhase } from './support/kiosk-tour';

const harness = useKioskHarness();
const DESKTOP = { viewport: { width: 1440, height: 900 } };

async function placeCardOrder(): Promise<OrderResponse> {
  const response = await fetch(`${harness.server.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ items: [{ itemId: 'kimchi-stew', quantity: 1 }], diningOption: 'dine_in' }),
  });
  return (await response.json()) as OrderResponse;
}

describe('counter payment, cancellation and the day close', () => {
  it('goes from the kiosk to the counter, the console and the close', async () => {
    const password = await createConsoleUser(harness.server, 'owner-money', 'owner');
    const consolePage = await signIn(await harness.newPage(DESKTOP), harness.server.url, 'owner-money', password);

    // The owner allows paying at the counter.
    await consolePages.open(consolePage, 'settings');
    await consolePage.locator('input[name="counterPayment"]').check();
    await consolePage.getByRole('button', { name: '저장 · Save' }).click();
    await consolePage.getByText('저장했어요 · Saved').waitFor();

    // A customer chooses it: the number, and a screen that says to pay at the counter.
    const kiosk = await openKiosk(await harness.newPage(), harness.server.url);
    await oneDishToPayment(kiosk, 'gun-mandu', '사이드');
    expect(await axeViolations(kiosk, 'payment with counter choice', { enhancedContrast: false })).toEqual([]);
    // A customer who listens rather than reads hears of the choice too.
    await header.replay(kiosk);
    await expect.poll(async () => (await spokenTexts(kiosk)).map((spoken) => spoken.text).at(-1)).toContain('카운터에서 결제하시려면 카운터에서 결제할게요를 눌러 주세요.');
    await payment.chooseCounter(kiosk);
    await waitForPhase(kiosk, 'done');
    expect(await kiosk.getByTestId('pay-at-counter').innerText()).toContain('카운터에서 6,000원을 결제해 주세요');
    const counterNumber = await done.orderNumber(kiosk);

    // Staff see it unpaid, out of revenue, and take the cash.
    await consolePages.open(consolePage, 'orders');
    const row = consolePages.orderRow(consolePage, counterNumber);
    await row.getByText('미결제 (카운터)').waitFor();
    expect(await consolePage.getByTestId('orders-summary').innerText()).toContain('미결제 1건 6,000원');
    expect(await axeViolations(consolePage, 'console orders with actions', { enhancedContrast: false })).toEqual([]);
    await row.getByRole('button', { name: '현금 받음 · Paid cash' }).click();
    await row.getByText('카운터 현금 · Counter cash').waitFor();

    // 영수증 주세요: staff print the receipt at the counter, and it says how it was paid since.
    await harness.server.printing.add({ name: '카운터', connection: 'virtual', tickets: ['receipt'] });
    await row.getByRole('button', { name: '영수증 인쇄 · Print receipt' }).click();
    await row.getByText('영수증을 보냈어요 · Receipt sent to the printer').waitFor();
    const receiptJob = (await harness.server.printing.recentJobs(5)).find((job) => job.kind === 'receipt' && job.title.endsWith(` ${counterNumber}`));
    expect(await harness.server.printing.jobDocument(receiptJob!.id)).toContain('카운터 현금 결제 완료');

    // The owner cancels a card order with a reason: refunded through the terminal.
    const card = await placeCardOrder();
    const cardRow = consolePages.orderRow(consolePage, card.orderNumber);
    await cardRow.waitFor();
    await cardRow.getByRole('button', { name: '취소 · Cancel…' }).click();
    await cardRow.getByLabel('취소 사유 · Reason').fill('음식이 늦어서');
    await cardRow.getByRole('button', { name: '취소하고 환불 · Cancel and refund' }).click();
    await cardRow.getByText('환불됨 · Refunded').waitFor();
    expect(await cardRow.innerText()).toContain('취소됨 · Cancelled (음식이 늦어서)');

    // The audit log says who, what and why.
    await consolePages.open(consolePage, 'audit');
    const refund = consolePage.locator('tr[data-action="order.refunded"]');
    await refund.waitFor();
    expect(await refund.innerText()).toContain('owner-money');
    expect(await refund.innerText()).toContain('음식이 늦어서');
    expect(await consolePage.locator('tr[data-action="order.settled"]').innerText()).toContain('(현금)');
    expect(await axeViolations(consolePage, 'console audit log', { enhancedContrast: false })).toEqual([]);

    // The day's close: on screen, and as a CSV download that reads back.
    await consolePages.open(consolePage, 'close');
    await expect.poll(() => consolePage.getByTestId('close-revenue').innerText()).toBe('6,000원');
    expect(await consolePage.getByTestId('close-unpaid').innerText()).toBe('0건 0원');
    expect(await axeViolations(consolePage, 'console day close', { enhancedContrast: false })).toEqual([]);
    const [download] = await Promise.all([consolePage.waitForEvent('download'), consolePage.getByRole('link', { name: 'CSV 내려받기 · Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^sales-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse(fs.readFileSync((await download.path())!, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.find((csvRow) => csvRow.section === 'method' && csvRow.key === 'counter_cash')).toMatchObject({ orders: '1', amount: '6000' });
    expect(rows.find((csvRow) => csvRow.section === 'summary' && csvRow.key === 'refunded')).toMatchObject({ orders: '1', amount: '9000' });
  });
});
