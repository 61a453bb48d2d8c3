import { describe, expect, it } from 'vitest';
import { orderHistoryCsv, OrderHistoryCsvError, parseOrderHistoryCsv } from './order-history-csv';

const HEADER = 'order_id,created_at,segment,item_id,quantity';
const read = (...rows: string[]) => parseOrderHistoryCsv([HEADER, ...rows].join('\n'), 'orders.csv', 'Asia/Seoul');

describe('order-history CSV', () => {
  it('gathers lines into orders, summing a dish on two lines', () => {
    const orders = read('a,2025-06-02T12:30:00+09:00,senior_female,doenjang-stew,1', 'a,2025-06-02T12:30:00+09:00,senior_female,sujeonggwa,2', 'b,2025-06-02T03:31:00Z,unknown,cola,1', 'a,2025-06-02T12:30:00+09:00,senior_female,doenjang-stew,1');
    expect(orders).toEqual([
      { id: 'a', createdAt: Date.parse('2025-06-02T03:30:00Z'), group: 'senior_female', items: [{ itemId: 'doenjang-stew', quantity: 2 }, { itemId: 'sujeonggwa', quantity: 2 }] },
      { id: 'b', createdAt: Date.parse('2025-06-02T03:31:00Z'), group: 'unknown', items: [{ itemId: 'cola', quantity: 1 }] },
    ]);
  });

  it('reads a time without offset on the store clock', () => {
    expect(read('a,2025-06-02T12:30:00,unknown,cola,1')[0]!.createdAt).toBe(Date.parse('2025-06-02T12:30:00+09:00'));
    expect(read('a,2025-06-02T12:30:00.250+0900,unknown,cola,1')[0]!.createdAt).toBe(Date.parse('2025-06-02T03:30:00.250Z'));
  });

  it('writes what it reads', () => {
    const orders = read('a,2025-06-02T03:30:00.000Z,general_male,jeyuk,1', 'a,2025-06-02T03:30:00.000Z,general_male,cola,2');
    expect(parseOrderHistoryCsv(orderHistoryCsv(orders), 'again.csv', 'UTC')).toEqual(orders);
  });

  it.each([
    ['a wrong header', 'order,created_at,segment,item_id,quantity\n', /orders\.csv: the header must be "order_id,created_at,segment,item_id,quantity"/],
    ['a bad time', `${HEADER}\na,2025-06-02T12:30:00Z,unknown,cola,1\nb,yesterday,unknown,cola,1`, /orders\.csv line 3: created_at "yesterday" is not an ISO date and time/],
    ['an impossible date', `${HEADER}\na,2025-02-30T12:30:00Z,unknown,cola,1`, /line 2: created_at "2025-02-30T12:30:00Z"/],
    ['an unknown segment', `${HEADER}\na,2025-06-02T12:30:00Z,teenager,cola,1`, /line 2: segment "teenager" is not one of senior_male, senior_female, general_male, general_female, unknown/],
    ['a zero quantity', `${HEADER}\na,2025-06-02T12:30:00Z,unknown,cola,0`, /line 2: quantity "0" is not a whole number above 0/],
    ['a negative quantity', `${HEADER}\na,2025-06-02T12:30:00Z,unknown,cola,-2`, /line 2: quantity "-2"/],
    ['a fractional quantity', `${HEADER}\na,2025-06-02T12:30:00Z,unknown,cola,1.5`, /line 2: quantity "1.5"/],
    ['a missing field', `${HEADER}\na,2025-06-02T12:30:00Z,unknown,cola`, /line 2: expected 5 fields, found 4/],
    ['an order that changes segment', `${HEADER}\na,2025-06-02T12:30:00Z,unknown,cola,1\na,2025-06-02T12:30:00Z,senior_male,cider,1`, /line 3: order a has a different created_at or segment than on line 2/],
  ])('refuses %s, naming the line', (_, text, message) => {
    expect(() => parseOrderHistoryCsv(text, 'orders.csv', 'Asia/Seoul')).toThrow(OrderHistoryCsvError);
    expect(() => parseOrderHistoryCsv(text, 'orders.csv', 'Asia/Seoul')).toThrow(message);
  });
});
