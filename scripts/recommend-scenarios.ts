/**
 * The table in docs/recommendations.md ("Against the baselines"): on every history of
 * src/recommend/history-scenarios.ts, on `kiosk demo orders`' own, and on one whose local hours are
 * read as UTC, what `kiosk recommend eval` measures (ours, popularity in the group plain and decayed,
 * overall popularity, the settings chosen) beside the generating model's own top 3 where it is known.
 * `npm run recommend:table [-- --seed-offset N] [--csv-dir DIR]` prints it as Markdown; the offset
 * draws other histories, and DIR receives each history as order-history CSV for `kiosk recommend eval`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { demoMenu } from '../src/test-support/demo-menu';
import { demoHistory, generateDemoOrders } from '../src/recommend/demo-orders';
import { EVAL_TRAIN_SHARE, evaluateRecommender, scoreRecommendations } from '../src/recommend/evaluate-recommender';
import { HISTORY_SCENARIOS } from '../src/recommend/history-scenarios';
import { splitInTime, type HistoryOrder } from '../src/recommend/order-history';
import { orderHistoryCsv } from '../src/recommend/order-history-csv';
import { describeSettings } from '../src/recommend/recommender-settings';
import { syntheticHistory } from '../src/recommend/synthetic-histories';

const K = 3;
const { values } = parseArgs({ options: { 'seed-offset': { type: 'string', default: '0' }, 'csv-dir': { type: 'string' } } });
const offset = Number(values['seed-offset']);
const csvDir = values['csv-dir'];
if (csvDir) fs.mkdirSync(csvDir, { recursive: true });

type Row = { name: string; orders: readonly HistoryOrder[]; timeZone: string; modelTopK?: (order: HistoryOrder, k: number) => string[] };

const stable = HISTORY_SCENARIOS.find((scenario) => scenario.name.includes('stable'))!;
const rows: Row[] = [
  ...HISTORY_SCENARIOS.map((scenario) => ({ name: scenario.name, timeZone: 'Asia/Seoul', ...syntheticHistory({ ...scenario, seed: scenario.seed + offset }) })),
  { name: `${stable.name}, local hours read as UTC`, timeZone: 'UTC', ...syntheticHistory({ ...stable, daypartTaste: 1, seed: stable.seed + offset }) },
  {
    name: '`kiosk demo orders`, 60 days × 500',
    timeZone: 'Asia/Seoul',
    orders: demoHistory(generateDemoOrders(demoMenu(), { days: 60, perDay: 500, seed: 1 + offset, end: Date.parse('2025-06-30T20:00:00+09:00'), timeZone: 'Asia/Seoul' })),
  },
];

const rate = (value: number) => value.toFixed(3);
console.log(`| history | test orders | ours hit@${K} | popularity in the group | the same, decayed | overall popularity | generating model (ceiling) | ours − better baseline | settings chosen |`);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const row of rows) {
  if (csvDir) fs.writeFileSync(path.join(csvDir, `${row.name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase()}.csv`), orderHistoryCsv(row.orders));
  const result = evaluateRecommender(row.orders, K, { timeZone: row.timeZone });
  const { groupPopularity, decayedGroupPopularity, overallPopularity } = result.baselines;
  const test = splitInTime(row.orders, EVAL_TRAIN_SHARE).later;
  const modelTopK = row.modelTopK;
  const ceiling = modelTopK ? rate(scoreRecommendations(test, K, (order) => modelTopK(order, K)).hitRate) : '—';
  const margin = result.hitRate - Math.max(groupPopularity.hitRate, decayedGroupPopularity.hitRate);
  console.log(
    `| ${row.name} | ${result.n} | ${rate(result.hitRate)} | ${rate(groupPopularity.hitRate)} | ${rate(decayedGroupPopularity.hitRate)} | ${rate(overallPopularity.hitRate)} | ${ceiling} | ${margin >= 0 ? '+' : '−'}${rate(Math.abs(margin))} | ${describeSettings(result.tuning.chosen)} |`,
  );
}
