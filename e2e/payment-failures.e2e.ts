/**
 * A card approved for an order the server then fails to store (the database refuses its payment
 * row): the charge is given back (망취소) and the kiosk offers the card again or the counter; when
 * the terminal will not give it back, staff are called to do it, the kiosk says so and offers
 * nothing that would charge the customer twice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CHARGE_NOT_CANCELLED_CALL } from '../src/contracts/http';
import { CountingTerminal } from '../src/test-support/counting-terminal';
import { insertsRefused } from '../src/test-support/refused-inserts';
import { useKioskHarness } from './support/harness';
import { easy, openKiosk, payment } from './support/kiosk-tour';

const terminal = new CountingTerminal();
const harness = useKioskHarness({}, [], undefined, { terminal });
let allowPayments: (() => Promise<void>) | null = null;
afterEach(async () => {
  terminal.refusesRefunds = false;
  await allowPayments?.();
  allowPayments = null;
});

async function payForCola(): Promise<Page> {
  const page = await openKiosk(await harness.newPage(), harness.server.url);
  await easy.toPayment(page, 'cola');
  allowPayments = await insertsRefused(harness.server.db, 'payments');
  await payment.insertApprovedCard(page);
  await page.locator('.payment-message.is-error').waitFor();
  return page;
}

describe('a card approved for an order that cannot be stored', () => {
  it('is given back, and the kiosk offers the counter', async () => {
    const refunds = terminal.refunds.length;
    const page = await payForCola();
    expect(await payment.message(page)).toBe('지금은 카드 결제를 할 수 없어요. 주문은 받을 수 있어요. 번호를 받고 카운터에서 결제해 주세요.');
    expect(await page.locator('.payment-screen .pay-at-counter').count()).toBe(1);
    expect(terminal.refunds.slice(refunds)).toHaveLength(1);
  });

  it('when the terminal will not give it back: staff are called to give it back, and no counter button to pay twice', async () => {
    terminal.refusesRefunds = true;
    const page = await payForCola();
    expect(await payment.message(page)).toBe('주문을 받지 못했어요. 직원을 불렀어요. 카드 결제는 직원이 취소해 드려요.');
    expect(await page.locator('.payment-screen .pay-at-counter').count()).toBe(0);
    const calls = await harness.server.db.selectFrom('staff_calls').select('screen').where('acknowledged_at', 'is', null).execute();
    expect(calls.map((call) => call.screen)).toContain(CHARGE_NOT_CANCELLED_CALL);
  });
});
