/** Choosing the settings: time order only, the defaults where the evidence is thin, and what each kind of history asks for. */
import { describe, expect, it } from 'vitest';
import { HISTORY_SCENARIOS } from './history-scenarios';
import type { HistoryOrder } from './order-history';
import { DEFAULT_SETTINGS } from './recommender-settings';
import { syntheticHistory } from './synthetic-histories';
import { tunedRecommender, tuneSettings, VALIDATION_SLICES } from './tune-recommender';

const HOUR_MS = 3_600_000;
const scenario = (name: string, perDay = 150) => syntheticHistory({ ...HISTORY_SCENARIOS.find((candidate) => candidate.name === name)!, perDay }).orders;

describe('tuneSettings', () => {
  it('keeps the defaults when too few later orders are left to choose by', () => {
    const tuning = tuneSettings(scenario('very few orders (30 days, 8 a day)', 8));
    expect(tuning.chosen).toEqual(DEFAULT_SETTINGS);
    expect(tuning.candidates).toEqual([]);
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
