/**
 * The recommender against the simple baselines on histories of known structure, made by a generator
 * of its own (synthetic-histories.ts) and by `kiosk demo orders`' (demo-orders.ts): never more than
 * 0.005 hit@3 below the better of popularity in the group and the same decayed (one test order on
 * the tiny history, whose 48 test orders put the noise floor at 0.021), and near the
 * generating model's own top 3 where hours or time matter. The histories are half the size of the
 * table in docs/recommendations.md (`npx tsx scripts/recommend-scenarios.ts`), to stay quick.
 */
import { describe, expect, it } from 'vitest';
import { demoMenu } from '../test-support/demo-menu';
import { demoHistory, generateDemoOrders } from './demo-orders';
import { EVAL_TRAIN_SHARE, evaluateRecommender, scoreRecommendations } from './evaluate-recommender';
import { HISTORY_SCENARIOS } from './history-scenarios';
import { splitInTime } from './order-history';
import { syntheticHistory } from './synthetic-histories';

const K = 3;
const MARGIN = 0.005;
/** 0.005, or one test order where there are under 200 of them: the better baseline is picked on the test orders themselves, ours before them. */
const marginOn = (testOrders: number) => Math.max(MARGIN, 1 / testOrders) + 1e-9;
const betterBaseline = (result: ReturnType<typeof evaluateRecommender>) =>
  Math.max(result.baselines.groupPopularity.hitRate, result.baselines.decayedGroupPopularity.hitRate);

describe('the recommender against popularity in the group, plain and decayed', () => {
  for (const scenario of HISTORY_SCENARIOS) {
    it(`${scenario.name}: no more than ${MARGIN} hit@3 (or one test order) below the better baseline`, { timeout: 30_000 }, () => {
      const history = syntheticHistory({ ...scenario, perDay: Math.max(scenario.perDay / 2, 8) });
      const result = evaluateRecommender(history.orders, K, { timeZone: 'Asia/Seoul' });
      expect(result.hitRate).toBeGreaterThanOrEqual(betterBaseline(result) - marginOn(result.n));
    });
  }

  it("on `kiosk demo orders`' own history too", { timeout: 30_000 }, () => {
    const orders = demoHistory(generateDemoOrders(demoMenu(), { days: 30, perDay: 150, seed: 5, end: Date.parse('2025-06-30T20:00:00+09:00'), timeZone: 'Asia/Seoul' }));
    const result = evaluateRecommender(orders, K, { timeZone: 'Asia/Seoul' });
    expect(result.hitRate).toBeGreaterThanOrEqual(betterBaseline(result) - MARGIN);
  });

  it('comes near the generating model where hours and time matter, well above the baselines', { timeout: 30_000 }, () => {
    for (const name of ['strong lunch/dinner split', 'a new dish on day 42 of 60']) {
      const scenario = HISTORY_SCENARIOS.find((candidate) => candidate.name === name)!;
      const history = syntheticHistory({ ...scenario, perDay: scenario.perDay / 2 });
      const result = evaluateRecommender(history.orders, K, { timeZone: 'Asia/Seoul' });
      const ceiling = scoreRecommendations(splitInTime(history.orders, EVAL_TRAIN_SHARE).later, K, (order) => history.modelTopK(order, K)).hitRate;
      expect(result.hitRate, name).toBeGreaterThan(ceiling - 0.02);
      expect(result.hitRate, name).toBeGreaterThan(betterBaseline(result) + 0.02);
    }
  });
});
