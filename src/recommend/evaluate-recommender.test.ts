/** The evaluation on generated orders whose tastes are known: the recommender must find them, and never lose to popularity. */
import { describe, expect, it } from 'vitest';
import { FACE_GROUPS, type FaceGroup } from '../domain/customer-group';
import { CUSTOMER_GROUPS } from '../domain/order-rules';
import { seededRandom } from '../shared/seeded-random';
import { demoMenu } from '../test-support/demo-menu';
import { DEMO_TASTES, demoHistory, generateDemoOrders } from './demo-orders';
import { evaluateRecommender } from './evaluate-recommender';
import type { HistoryOrder } from './order-history';
import { Recommender } from './recommender';

const END = Date.parse('2025-06-30T20:00:00+09:00');
const generated = (seed: number, tastes?: Record<FaceGroup, readonly string[]>) =>
  demoHistory(generateDemoOrders(demoMenu(), { days: 30, perDay: 300, seed, end: END, timeZone: 'Asia/Seoul', ...(tastes ? { tastes } : {}) }));

/** Two standard errors of a difference of two hit rates on n orders: what chance alone can move. */
const noise = (n: number) => 2 * Math.sqrt((2 * 0.25) / n);

describe('evaluateRecommender on generated orders', () => {
  const history = generated(1);

  it('beats overall popularity by a clear margin where groups differ', () => {
    const result = evaluateRecommender(history, 3);
    expect(result.n).toBe(history.length - Math.floor(history.length * 0.8));
    expect(result.hitRate).toBeGreaterThan(result.baselines.overallPopularity.hitRate + 0.15);
    expect(result.ndcg).toBeGreaterThan(result.baselines.overallPopularity.ndcg + 0.1);
  });

  it("recovers each group's favourites", () => {
    const recommender = Recommender.fromOrders(history);
    for (const group of FACE_GROUPS) {
      const top = recommender.recommend(group, 12, 3).map((recommendation) => recommendation.itemId);
      expect(top.filter((itemId) => DEMO_TASTES[group].slice(0, 3).includes(itemId)).length, `${group}: ${top.join(', ')}`).toBeGreaterThanOrEqual(2);
      expect(top).toContain(DEMO_TASTES[group][0]);
    }
  });

  it('does not fall below popularity where groups order alike', () => {
    const alike = Object.fromEntries(FACE_GROUPS.map((group) => [group, DEMO_TASTES.general_male])) as Record<FaceGroup, readonly string[]>;
    const result = evaluateRecommender(generated(2, alike), 3);
    expect(result.hitRate).toBeGreaterThan(result.baselines.overallPopularity.hitRate - noise(result.n));
  });

  it('matches popularity where neither groups nor hours matter (every shrinkage collapses to the baseline)', () => {
    const random = seededRandom(3);
    const dishes = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const weights = [8, 7, 6, 5, 4, 3, 2, 1];
    const draw = () => {
      let remaining = random() * 36;
      return dishes.find((_, index) => (remaining -= weights[index]!) < 0) ?? 'h';
    };
    const start = Date.parse('2025-05-01T00:00:00Z');
    const orders: HistoryOrder[] = Array.from({ length: 6000 }, (_, index) => ({
      id: String(index),
      createdAt: start + index * 7 * 60 * 1000,
      group: CUSTOMER_GROUPS[Math.floor(random() * CUSTOMER_GROUPS.length)]!,
      items: [...new Set([draw(), draw()])].map((itemId) => ({ itemId, quantity: 1 })),
    }));
    const result = evaluateRecommender(orders, 3);
    expect(Math.abs(result.hitRate - result.baselines.overallPopularity.hitRate)).toBeLessThan(noise(result.n));
  });
});
