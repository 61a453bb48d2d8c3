import { describe, expect, it } from 'vitest';
import type { StaffCallResponse } from '../../../contracts/http';
import type { OrderTicket } from '../../../iot/messages';
import { applyOrderMessage, applyStaffCallMessage } from './store-lists';

const ticket = (id: string, status: string, createdAt: string): OrderTicket => ({
  id, orderNumber: Number(id), total: 9000, status, diningOption: 'dine_in', customerGroup: 'unknown', uiMode: 'standard', kioskId: 'kiosk-1', createdAt, lines: [],
});
const order = (event: 'created' | 'status' | 'undone' | 'called', value: OrderTicket) => ({ v: 1 as const, event, order: value });

describe('order board', () => {
  it('adds new orders oldest first, moves them on, and drops them once picked up', () => {
    let orders = applyOrderMessage([], order('created', ticket('2', 'paid', '2026-11-29T01:02:00Z')));
    orders = applyOrderMessage(orders, order('created', ticket('1', 'paid', '2026-11-29T01:01:00Z')));
    expect(orders.map((o) => o.id)).toEqual(['1', '2']);
    orders = applyOrderMessage(orders, order('status', ticket('1', 'ready', '2026-11-29T01:01:00Z')));
    expect(orders.map((o) => [o.id, o.status])).toEqual([['1', 'ready'], ['2', 'paid']]);
    orders = applyOrderMessage(orders, order('status', ticket('1', 'picked_up', '2026-11-29T01:01:00Z')));
    expect(orders.map((o) => o.id)).toEqual(['2']);
  });

  it('drops an order cancelled at any step', () => {
    const open = [ticket('1', 'paid', '2026-11-29T01:01:00Z'), ticket('2', 'ready', '2026-11-29T01:02:00Z')];
    expect(applyOrderMessage(open, order('status', ticket('2', 'cancelled', '2026-11-29T01:02:00Z'))).map((o) => o.id)).toEqual(['1']);
    expect(applyOrderMessage(open, order('status', ticket('1', 'cancelled', '2026-11-29T01:01:00Z'))).map((o) => o.id)).toEqual(['2']);
  });

  it('ignores a repeated or late message', () => {
    const ready = [ticket('1', 'ready', '2026-11-29T01:01:00Z')];
    expect(applyOrderMessage(ready, order('created', ticket('1', 'paid', '2026-11-29T01:01:00Z')))).toBe(ready);
    expect(applyOrderMessage(ready, order('status', ticket('1', 'ready', '2026-11-29T01:01:00Z')))).toBe(ready);
  });
});

describe('undo and call again', () => {
  it('takes an undone step back, bringing a picked-up order back to the board', () => {
    const ready = [ticket('1', 'ready', '2026-11-29T01:01:00Z')];
    expect(applyOrderMessage(ready, order('undone', ticket('1', 'paid', '2026-11-29T01:01:00Z'))).map((o) => o.status)).toEqual(['paid']);
    expect(applyOrderMessage([], order('undone', ticket('1', 'ready', '2026-11-29T01:01:00Z'))).map((o) => [o.id, o.status])).toEqual([['1', 'ready']]);
  });

  it('counts each call again on the order it names, and ignores one for an order it does not show', () => {
    const ready = [ticket('1', 'ready', '2026-11-29T01:01:00Z'), ticket('2', 'ready', '2026-11-29T01:02:00Z')];
    let orders = applyOrderMessage(ready, order('called', ticket('2', 'ready', '2026-11-29T01:02:00Z')));
    orders = applyOrderMessage(orders, order('called', ticket('2', 'ready', '2026-11-29T01:02:00Z')));
    expect(orders.map((o) => o.timesCalledAgain ?? 0)).toEqual([0, 2]);
    expect(applyOrderMessage(ready, order('called', ticket('9', 'ready', '2026-11-29T01:09:00Z')))).toBe(ready);
  });
});

describe('staff pager', () => {
  const call = (id: string, acknowledgedAt: string | null = null): StaffCallResponse => ({ id, kioskId: 'kiosk-1', screen: 'menu', refusedOfflineNumber: null, createdAt: `2026-11-29T01:0${id}:00Z`, acknowledgedAt });
  it('shows unanswered calls once each and removes answered ones', () => {
    let calls = applyStaffCallMessage([], { v: 1, event: 'created', call: call('2') });
    calls = applyStaffCallMessage(calls, { v: 1, event: 'created', call: call('1') });
    calls = applyStaffCallMessage(calls, { v: 1, event: 'created', call: call('1') });
    expect(calls.map((c) => c.id)).toEqual(['1', '2']);
    calls = applyStaffCallMessage(calls, { v: 1, event: 'acknowledged', call: call('1', '2026-11-29T01:05:00Z') });
    expect(calls.map((c) => c.id)).toEqual(['2']);
  });
});
