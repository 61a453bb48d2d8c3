import { describe, expect, it } from 'vitest';
import { CHARGE_NOT_CANCELLED_CALL, type StaffCallResponse } from '../../contracts/http';
import { staffCallAnnouncement, staffCallReason } from './staff-call-text';

const call = (screen: string | null): StaffCallResponse => ({ id: 'c1', kioskId: 'kiosk-1', screen, refusedOfflineNumber: null, createdAt: '2026-12-06T03:00:00.000Z', acknowledgedAt: null });

describe('what staff read and hear of a call', () => {
  it('a customer on a screen, a printer that stopped, and a card charged without an order each say what to do', () => {
    expect(staffCallReason(call('payment'))).toBe('결제 화면 · Payment');
    expect(staffCallAnnouncement(call('payment'))).toBe('kiosk-1에서 직원을 찾습니다.');
    expect(staffCallAnnouncement(call('printer_paper_out'))).toBe('kiosk-1: 프린터에 용지가 없습니다. 주문서는 기다렸다가 인쇄됩니다.');
    expect(staffCallReason(call(CHARGE_NOT_CANCELLED_CALL))).toBe('결제 취소 필요: 주문 없이 카드 결제됨 · Card charged without an order: cancel it');
    expect(staffCallAnnouncement(call(CHARGE_NOT_CANCELLED_CALL))).toBe('kiosk-1: 카드 결제는 되었는데 주문이 저장되지 않았습니다. 카드 결제를 취소해 주세요.');
  });
});
