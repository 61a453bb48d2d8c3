/**
 * The histories the recommender is held to (docs/recommendations.md, "Against the baselines"): one
 * for each kind of structure a store may have, made by synthetic-histories.ts. `perDay` is the
 * size of the table in the docs; tests run them smaller.
 */
import type { HistoryScenario } from './synthetic-histories';

const STABLE = { groupTaste: 1, daypartTaste: 0, tasteChange: null, newDish: null } as const;

export const HISTORY_SCENARIOS: readonly HistoryScenario[] = [
  { name: 'no group effect, no hours', days: 60, perDay: 300, ...STABLE, groupTaste: 0, seed: 11 },
  { name: '60 days, stable group tastes', days: 60, perDay: 300, ...STABLE, seed: 12 },
  { name: 'tastes shift steadily over 60 days', days: 60, perDay: 300, ...STABLE, tasteChange: { from: 0, to: 1 }, seed: 13 },
  { name: '28 days, new favourites late', days: 28, perDay: 300, ...STABLE, tasteChange: { from: 0.7, to: 0.7 }, seed: 14 },
  { name: 'strong lunch/dinner split', days: 60, perDay: 300, ...STABLE, groupTaste: 0.5, daypartTaste: 1.5, seed: 15 },
  { name: 'a new dish on day 42 of 60', days: 60, perDay: 300, ...STABLE, newDish: { from: 0.7, appeal: 2.5 }, seed: 16 },
  { name: 'very few orders (30 days, 8 a day)', days: 30, perDay: 8, ...STABLE, seed: 17 },
];
