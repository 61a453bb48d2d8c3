import { describe, expect, it } from 'vitest';
import { analyseOrders, type AnalysedOrder } from './order-analytics';

const order = (id: string, createdAt: string, group: string, total: number, uiMode = 'standard', voiceUsed = false): AnalysedOrder => ({ id, createdAt, businessDate: createdAt.slice(0, 10), group, total, uiMode, voiceUsed });

describe('order analytics', () => {
  const orders = [
    order('a', '2026-11-28T03:10:00Z', 'senior_female', 9000, 'easy', true), // 12:10 in Seoul
    order('b', '2026-11-28T03:40:00Z', 'senior_female', 7000, 'easy'),
    order('c', '2026-11-28T10:05:00Z', 'general_male', 20000), // 19:05
    order('d', '2026-11-29T10:30:00Z', 'mystery', 1000),
  ];
  const lines = [
    { orderId: 'a', itemId: 'doenjang-stew', ko: '된장찌개', quantity: 1 },
    { orderId: 'b', itemId: 'doenjang-stew', ko: '된장찌개', quantity: 2 },
    { orderId: 'b', itemId: 'sujeonggwa', ko: '수정과', quantity: 1 },
    { orderId: 'c', itemId: 'cola', ko: '콜라', quantity: 3 },
  ];
  const result = analyseOrders(orders, lines, 'Asia/Seoul', 30);

  it('counts by group with revenue, basket, easy mode and voice shares; strays count as unknown', () => {
    expect(result.totals).toMatchObject({ orders: 4, revenue: 37000, averageBasket: 9250, easyModeShare: 0.5, voiceShare: 0.25 });
    expect(result.byGroup.find((group) => group.group === 'senior_female')).toEqual({ group: 'senior_female', orders: 2, revenue: 16000, averageBasket: 8000, easyModeShare: 1, voiceShare: 0.5 });
    expect(result.byGroup.find((group) => group.group === 'unknown')!.orders).toBe(1);
  });

  it("places orders in the store's hours and days", () => {
    expect(result.byHour[12]).toMatchObject({ orders: 2, revenue: 16000, byGroup: { senior_female: 2 } });
    expect(result.byHour[19]).toMatchObject({ orders: 2, byGroup: { general_male: 1, unknown: 1 } });
    expect(result.byDay.map((day) => [day.date, day.orders])).toEqual([['2026-11-28', 3], ['2026-11-29', 1]]);
  });

  it("ranks each group's dishes by quantity", () => {
    expect(result.topItems.find((top) => top.group === 'senior_female')!.items).toEqual([
      { itemId: 'doenjang-stew', ko: '된장찌개', quantity: 3 },
      { itemId: 'sujeonggwa', ko: '수정과', quantity: 1 },
    ]);
  });

  it('answers zeros, not NaN, for a period without orders', () => {
    expect(analyseOrders([], [], 'Asia/Seoul', 7).totals).toEqual({ orders: 0, revenue: 0, averageBasket: 0, easyModeShare: 0, voiceShare: 0 });
  });
});
