/** What a staff call is about, as staff read it on the pager and in the console. */
import { CHARGE_NOT_CANCELLED_CALL, type StaffCallResponse } from '../../contracts/http';

/** The kiosk screens a customer can call from, as staff say them. */
const SCREEN_TEXT: Record<string, string> = {
  welcome: '시작 화면 · Start',
  browse: '메뉴 화면 · Menu',
  configure: '메뉴 고르기 화면 · Choosing a dish',
  review: '장바구니 화면 · Cart',
  dining: '매장/포장 화면 · Eat in or take out',
  payment: '결제 화면 · Payment',
  done: '주문 번호 화면 · Order number',
  // A printer that stopped calls staff itself (server/printing/printer-alerts.ts); its tickets wait.
  printer_offline: '프린터 꺼짐 · Printer off or unreachable',
  printer_paper_out: '프린터 용지 없음 · Printer out of paper',
  printer_cover_open: '프린터 덮개 열림 · Printer cover open',
  // Called by the server (services/order.service.ts): a card charged for an order that was not stored.
  charge_not_cancelled: '결제 취소 필요: 주문 없이 카드 결제됨 · Card charged without an order: cancel it',
};

const PRINTER_ANNOUNCEMENTS: Record<string, string> = {
  printer_offline: '프린터가 꺼져 있습니다.',
  printer_paper_out: '프린터에 용지가 없습니다.',
  printer_cover_open: '프린터 덮개가 열려 있습니다.',
};

export function staffCallReason(call: StaffCallResponse): string | null {
  if (call.refusedOfflineNumber) return `주문 ${call.refusedOfflineNumber} 접수 실패, 카운터에서 확인 · Order ${call.refusedOfflineNumber} was refused: see the customer at the counter`;
  return call.screen ? (SCREEN_TEXT[call.screen] ?? call.screen) : null;
}

/** What the pager says aloud when the call comes in. */
export function staffCallAnnouncement(call: StaffCallResponse): string {
  const printer = call.screen ? PRINTER_ANNOUNCEMENTS[call.screen] : undefined;
  if (printer) return `${call.kioskId}: ${printer} 주문서는 기다렸다가 인쇄됩니다.`;
  if (call.screen === CHARGE_NOT_CANCELLED_CALL) return `${call.kioskId}: 카드 결제는 되었는데 주문이 저장되지 않았습니다. 카드 결제를 취소해 주세요.`;
  return call.refusedOfflineNumber ? `${call.kioskId}의 주문 ${call.refusedOfflineNumber}이 접수되지 않았습니다. 카운터에서 확인해 주세요.` : `${call.kioskId}에서 직원을 찾습니다.`;
}
