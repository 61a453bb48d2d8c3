/** Choosing the settings: time order only, the better baseline where the evidence is thin, and what each kind of history asks for. */
import { describe, expect, it } from 'vitest';
import { HISTORY_SCENARIOS } from './history-scenarios';
import type { HistoryOrder } from './order-history';
import { BASELINE_SETTINGS, sameSettings, type RecommenderSettings } from './recommender-settings';
import { syntheticHistory } from './synthetic-histories';
import { tunedRecommender, tuneSettings, VALIDATION_SLICES } from './tune-recommender';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const scenario = (name: string, perDay = 150) => syntheticHistory({ ...HISTORY_SCENARIOS.find((candidate) => candidate.name === name)!, perDay }).orders;

describe('tuneSettings', () => {
  it('keeps the better of the two baselines when too few later orders are left to choose by', () => {
    const tuning = tuneSettings(scenario('very few orders (30 days, 8 a day)', 8), { timeZone: 'Asia/Seoul' });
    expect(tuning.validationOrders).toBeLessThan(200);
    expect(BASELINE_SETTINGS).toContainEqual(tuning.chosen);
    const rateOf = (settings: RecommenderSettings) => tuning.candidates.find((candidate) => sameSettings(candidate.settings, settings))!.hitRate;
    expect(rateOf(tuning.chosen)).toBe(Math.max(...BASELINE_SETTINGS.map(rateOf)));
  });

  it('takes the decayed baseline where favourites changed, on few later orders and on many', () => {
    // 30 days of A, B, C, then 20 of D, E, F: only counts that fade rank D, E, F first. The plain
    // defaults never do; what fades faster does no better than the baseline, so the baseline stays.
    const start = Date.parse('2025-06-01T00:00:00Z');
    const dishes = (day: number) => (day < 30 ? ['A', 'B', 'C'] : ['D', 'E', 'F']);
    for (const perDay of [10, 25]) {
      const orders: HistoryOrder[] = Array.from({ length: 50 * perDay }, (_, index) => {
        const day = Math.floor(index / perDay);
        return { id: String(index), createdAt: start + day * DAY_MS + (index % perDay) * (DAY_MS / perDay), group: 'general_female', items: [{ itemId: dishes(day)[index % 3]!, quantity: 1 }] };
      });
      const tuning = tuneSettings(orders, { timeZone: 'UTC' });
      expect(tuning.validationOrders < 200, `${perDay} a day`).toBe(perDay === 10);
      expect(tuning.chosen, `${perDay} a day`).toEqual(BASELINE_SETTINGS[1]);
    }
  });

  it('never scores an order with a model that has seen it or anything after it', () => {
    // 800 orders of A, then 200 of B: a model that has seen none of B cannot hit the first slice of them.
    const start = Date.parse('2025-06-01T03:00:00Z');
    const orders: HistoryOrder[] = Array.from({ length: 1000 }, (_, index) => ({
      id: String(index),
      createdAt: start + index * HOUR_MS,
      group: 'general_female',
      items: [{ itemId: index < 800 ? 'A' : 'B', quantity: 1 }],
    }));
    const tuning = tuneSettings(orders, { timeZone: 'UTC' });
    expect(tuning.validationOrders).toBe(200);
    expect(Math.max(...tuning.candidates.map((candidate) => candidate.hitRate))).toBeLessThanOrEqual(1 - 1 / VALIDATION_SLICES);
    // Later slices learn B from the slices before them.
    expect(Math.max(...tuning.candidates.map((candidate) => candidate.hitRate))).toBeGreaterThan(0.7);
  });

  it('tries every candidate once, best first, the group baselines among them', () => {
    const { candidates, chosen } = tuneSettings(scenario('60 days, stable group tastes'), { timeZone: 'Asia/Seoul' });
    expect(candidates).toHaveLength(80);
    expect(new Set(candidates.map((candidate) => JSON.stringify(candidate.settings))).size).toBe(80);
    expect(candidates.map((candidate) => candidate.hitRate)).toEqual(candidates.map((candidate) => candidate.hitRate).sort((a, b) => b - a));
    for (const halfLifeDays of [null, 7]) expect(candidates.map((candidate) => candidate.settings)).toContainEqual({ halfLifeDays, dayparts: false, priorScale: 0, historyDays: null });
    expect(candidates.map((candidate) => candidate.settings)).toContainEqual(chosen);
  });

  it('forgets fast when tastes move, and keeps parts of the day where lunch and dinner differ', () => {
    const drifting = tuneSettings(scenario('tastes shift steadily over 60 days'), { timeZone: 'Asia/Seoul' }).chosen;
    expect(drifting.halfLifeDays !== null || drifting.historyDays !== null).toBe(true);
    expect(tuneSettings(scenario('strong lunch/dinner split'), { timeZone: 'Asia/Seoul' }).chosen.dayparts).toBe(true);
  });

  it('builds the recommender on every order with the settings chosen', () => {
    const orders = scenario('a new dish on day 42 of 60');
    const { recommender, tuning } = tunedRecommender(orders, { timeZone: 'Asia/Seoul' });
    expect(recommender.options.settings).toEqual(tuning.chosen);
    expect(recommender.knownItems()).toContain('dish-new');
  });
});
