import type { OrderResponse } from '../../contracts/http';

/** How the console writes money, times and groups: Korean first, English second. */
export const won = (amount: number) => `${amount.toLocaleString('ko-KR')}원`;


export const dateTimeOf = (iso: string) => new Date(iso).toLocaleString('ko-KR', { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

export const GROUP_TEXT: Record<string, string> = {
  senior_male: '60대 이상 남성 · Senior M',
  senior_female: '60대 이상 여성 · Senior F',
  general_male: '일반 남성 · General M',
  general_female: '일반 여성 · General F',
  unknown: '미상 · Unknown',
};

export const STATUS_TEXT: Record<string, string> = { paid: '조리 중 · Cooking', ready: '준비 완료 · Ready', picked_up: '전달 완료 · Picked up', cancelled: '취소됨 · Cancelled' };

/** How an order was paid, or that it still waits at the counter. */
export function paymentText(payment: OrderResponse['payment']): string {
  if (payment.refunded) return '환불됨 · Refunded';
  if (!payment.paid) return '미결제 (카운터) · Unpaid, at counter';
  if (payment.method === 'card') return '키오스크 카드 · Kiosk card';
  if (payment.settledWith === null) return '카운터 · Counter';
  return payment.settledWith === 'card' ? '카운터 카드 · Counter card' : '카운터 현금 · Counter cash';
}
