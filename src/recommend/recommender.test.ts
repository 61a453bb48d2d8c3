import { describe, expect, it } from 'vitest';
import type { CustomerGroup } from '../domain/order-rules';
import type { HistoryOrder } from './order-history';
import { Recommender } from './recommender';
import { DEFAULT_SETTINGS } from './recommender-settings';

let nextId = 0;
function order(group: CustomerGroup, at: string, ...itemIds: string[]): HistoryOrder {
  nextId += 1;
  return { id: `o${nextId}`, createdAt: Date.parse(at), group, items: itemIds.map((itemId) => ({ itemId, quantity: 1 })) };
}

/** `count` orders of one dish each at noon on one day, dishes in the given proportions (exact, no randomness). */
function orders(group: CustomerGroup, count: number, shares: Record<string, number>, at = '2025-06-02T12:00:00+09:00'): HistoryOrder[] {
  const dishes = Object.entries(shares).flatMap(([itemId, share]) => Array.from({ length: Math.round(share * count) }, () => itemId));
  return dishes.map((itemId) => order(group, at, itemId));
}

/** Three big groups with a favourite each (40 %, the rest 20 % each): groups differ, moderately. */
function threeTastes(): HistoryOrder[] {
  return [
    ...orders('general_male', 1000, { A: 0.4, B: 0.2, C: 0.2, D: 0.2 }),
    ...orders('general_female', 1000, { A: 0.2, B: 0.4, C: 0.2, D: 0.2 }),
    ...orders('senior_male', 1000, { A: 0.2, B: 0.2, C: 0.4, D: 0.2 }),
  ];
}

const shareOf = (recommender: Recommender, group: CustomerGroup, itemId: string) =>
  recommender.recommend(group, 12, 4).find((recommendation) => recommendation.itemId === itemId)!.score;

describe('Recommender: shrinkage toward what everyone orders', () => {
  it('keeps a group with one order near the overall shares, and calls it popular', () => {
    const recommender = Recommender.fromOrders([...threeTastes(), order('senior_female', '2025-06-02T12:00:00+09:00', 'D')]);
    const overallD = shareOf(recommender, 'unknown', 'D');
    const smallD = shareOf(recommender, 'senior_female', 'D');
    expect(Math.abs(smallD - overallD)).toBeLessThan(Math.abs(1 - smallD));
    expect(recommender.recommend('senior_female', 12, 1)[0]!.reason.kind).toBe('popular');
  });

  it('lets a group with many orders follow its own taste, and says so', () => {
    const recommender = Recommender.fromOrders([...threeTastes(), ...orders('senior_female', 300, { D: 1 })]);
    expect(shareOf(recommender, 'senior_female', 'D')).toBeGreaterThan(0.85);
    expect(recommender.recommend('senior_female', 12, 1)[0]).toMatchObject({ itemId: 'D', reason: { kind: 'group', segment: 'senior_female', daypart: 'lunch' } });
    expect(recommender.recommend('general_male', 12, 1)[0]).toMatchObject({ itemId: 'A', reason: { kind: 'group', segment: 'general_male' } });
  });

  it('estimates the prior strength from the data: groups that order alike collapse to the overall ranking', () => {
    const alike = { A: 0.1, B: 0.4, C: 0.3, D: 0.2 };
    const recommender = Recommender.fromOrders([...orders('general_male', 500, alike), ...orders('senior_female', 500, alike), ...orders('unknown', 200, alike)]);
    expect(recommender.concentration().segment).toBe(Number.POSITIVE_INFINITY);
    const overall = recommender.recommend('unknown', 12, 4).map((recommendation) => recommendation.itemId);
    expect(overall).toEqual(['B', 'C', 'D', 'A']);
    expect(recommender.recommend('senior_female', 12, 4).map((recommendation) => recommendation.itemId)).toEqual(overall);
    expect(recommender.recommend('senior_female', 12, 4).every((recommendation) => recommendation.reason.kind === 'popular')).toBe(true);
    expect(Number.isFinite(Recommender.fromOrders(threeTastes()).concentration().segment)).toBe(true);
  });
});

describe('Recommender: time', () => {
  it('weighs recent orders more (half-life)', () => {
    const history = [...orders('unknown', 100, { old: 1 }, '2025-01-02T12:00:00+09:00'), ...orders('unknown', 40, { recent: 1 }, '2025-05-02T12:00:00+09:00')];
    expect(Recommender.fromOrders(history, { settings: { ...DEFAULT_SETTINGS, halfLifeDays: 30 } }).recommend('unknown', 12, 1)[0]!.itemId).toBe('recent');
    expect(Recommender.fromOrders(history, { settings: { ...DEFAULT_SETTINGS, halfLifeDays: null } }).recommend('unknown', 12, 1)[0]!.itemId).toBe('old');
  });

  it('counts only the last days when told to, and keeps parts of the day together when they are off', () => {
    const history = [...orders('unknown', 100, { old: 1 }, '2025-05-02T08:30:00+09:00'), ...orders('unknown', 40, { recent: 1 }, '2025-06-02T18:30:00+09:00')];
    const recommender = Recommender.fromOrders(history, { settings: { ...DEFAULT_SETTINGS, historyDays: 28 } });
    expect(recommender.recommend('unknown', 8, 2).map((recommendation) => recommendation.itemId)).toEqual(['recent']);
    recommender.useSettings({ ...DEFAULT_SETTINGS, dayparts: false });
    expect(recommender.recommend('unknown', 18, 1)[0]).toMatchObject({ itemId: 'old', reason: { kind: 'popular', daypart: null } });
    recommender.useSettings(DEFAULT_SETTINGS);
    expect(recommender.recommend('unknown', 18, 1)[0]).toMatchObject({ itemId: 'recent', reason: { daypart: 'evening' } });
  });

  it('keeps orders apart by part of the day in the store time zone', () => {
    const history = [
      ...orders('unknown', 60, { coffee: 0.8, stew: 0.2 }, '2025-06-02T08:30:00+09:00'),
      ...orders('unknown', 100, { stew: 0.7, coffee: 0.3 }, '2025-06-02T18:30:00+09:00'),
    ];
    const recommender = Recommender.fromOrders(history, { timeZone: 'Asia/Seoul' });
    expect(recommender.recommend('unknown', 8, 1)[0]).toMatchObject({ itemId: 'coffee', reason: { kind: 'popular', daypart: 'morning' } });
    expect(recommender.recommend('unknown', 18, 1)[0]).toMatchObject({ itemId: 'stew', reason: { daypart: 'evening' } });
    // 08:30 in Seoul is 19:30 the evening before in New York: the same orders, other parts of the day.
    expect(Recommender.fromOrders(history, { timeZone: 'America/New_York' }).recommend('unknown', 19, 1)[0]!.itemId).toBe('coffee');
  });

  it('learns new orders as they arrive', () => {
    const recommender = Recommender.fromOrders(orders('unknown', 10, { A: 1 }));
    expect(recommender.recommend('unknown', 12, 1)[0]!.itemId).toBe('A');
    for (const next of orders('unknown', 20, { B: 1 }, '2025-06-03T12:00:00+09:00')) recommender.addOrder(next);
    expect(recommender.recommend('unknown', 12, 1)[0]!.itemId).toBe('B');
  });
});

describe('Recommender: what it leaves out and how it groups', () => {
  it('never recommends excluded dishes (sold out), given as a set or a list, and still fills k', () => {
    const recommender = Recommender.fromOrders(threeTastes());
    const top = recommender.recommend('general_male', 12, 2).map((recommendation) => recommendation.itemId);
    const without = recommender.recommend('general_male', 12, 2, new Set([top[0]!])).map((recommendation) => recommendation.itemId);
    expect(without).toHaveLength(2);
    expect(without).not.toContain(top[0]);
    expect(recommender.recommend('general_male', 12, 2, [top[0]!])).toEqual(recommender.recommend('general_male', 12, 2, new Set([top[0]!])));
  });

  it('answers by age alone when asked: both senior groups get the senior ranking', () => {
    const history = [...orders('senior_male', 200, { soup: 0.6, cola: 0.4 }), ...orders('senior_female', 200, { soup: 0.8, tea: 0.2 }), ...orders('general_male', 400, { cola: 0.7, soup: 0.3 })];
    const ageOnly = Recommender.fromOrders(history, { ageOnly: true });
    expect(ageOnly.recommend('senior_male', 12, 3)).toEqual(ageOnly.recommend('senior_female', 12, 3));
    expect(ageOnly.recommend('senior_female', 12, 1)[0]).toMatchObject({ itemId: 'soup', reason: { kind: 'group', segment: 'senior' } });
    const byGender = Recommender.fromOrders(history);
    expect(byGender.recommend('senior_male', 12, 3)).not.toEqual(byGender.recommend('senior_female', 12, 3));
  });
});

describe('Recommender: often ordered with', () => {
  const history = [
    ...Array.from({ length: 30 }, () => order('unknown', '2025-06-02T12:00:00+09:00', 'noodles', 'dumplings')),
    ...Array.from({ length: 30 }, () => order('unknown', '2025-06-02T12:00:00+09:00', 'stew', 'cola')),
    ...Array.from({ length: 30 }, () => order('unknown', '2025-06-02T12:00:00+09:00', 'noodles', 'cola')),
    ...Array.from({ length: 60 }, () => order('unknown', '2025-06-02T12:00:00+09:00', 'stew')),
    ...Array.from({ length: 5 }, () => order('unknown', '2025-06-02T12:00:00+09:00', 'noodles', 'pancake')),
    order('unknown', '2025-06-02T12:00:00+09:00', 'pancake'),
  ];

  it('suggests the dish with the highest lift, names the cart dish it goes with, and skips what is in the cart', () => {
    const recommender = Recommender.fromOrders(history, { pairMinSupport: 10 });
    const [first, ...rest] = recommender.pairs(['noodles'], 3);
    // dumplings come only with noodles: lift = 30·156 / (65·30) = 2.4; cola is in 60 of 156 orders, with noodles 30 (lift 1.2).
    expect(first).toMatchObject({ itemId: 'dumplings', reason: { kind: 'pair', with: 'noodles', support: 30 } });
    expect((first!.reason as { lift: number }).lift).toBeCloseTo((30 * 156) / (65 * 30), 6);
    expect(rest.map((recommendation) => recommendation.itemId)).toEqual(['cola']);
    expect(recommender.pairs(['noodles', 'dumplings'], 3).map((recommendation) => recommendation.itemId)).not.toContain('dumplings');
  });

  it('needs a minimum of shared orders, and leaves out excluded dishes', () => {
    expect(Recommender.fromOrders(history, { pairMinSupport: 10 }).pairs(['pancake'], 3)).toEqual([]);
    expect(Recommender.fromOrders(history, { pairMinSupport: 5 }).pairs(['pancake'], 3).map((recommendation) => recommendation.itemId)).toEqual(['noodles']);
    expect(Recommender.fromOrders(history).pairs(['noodles'], 3, ['dumplings']).map((recommendation) => recommendation.itemId)).toEqual(['cola']);
  });
});
