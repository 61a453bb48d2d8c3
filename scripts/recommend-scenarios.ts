/**
 * The table in docs/recommendations.md ("Against the baselines"): on every history of
 * src/recommend/history-scenarios.ts, on `kiosk demo orders`' own, and on one whose local hours are
 * read as UTC, what `kiosk recommend eval` measures (ours, popularity in the group plain and decayed,
 * overall popularity, the settings chosen) beside the generating model's own top 3 where it is known.
 * `npm run recommend:table [-- --seed-offset N] [--csv-dir DIR]` prints it as Markdown; the offset
 * draws other histories, and DIR receives each history as order-history CSV for `kiosk recommend eval`.
 * `--seeds N` instead draws every history N times (offsets from --seed-offset in steps of 100) and prints, per history, the
 * mean and the worst of ours − the better baseline, and on how many draws it is within 0.005.
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
const MARGIN = 0.005;
const SEED_STEP = 100;
const { values } = parseArgs({ options: { 'seed-offset': { type: 'string', default: '0' }, 'csv-dir': { type: 'string' }, seeds: { type: 'string' } } });
const csvDir = values['csv-dir'];
if (csvDir) fs.mkdirSync(csvDir, { recursive: true });

type Row = { name: string; orders: readonly HistoryOrder[]; timeZone: string; modelTopK?: (order: HistoryOrder, k: number) => string[] };

const stable = HISTORY_SCENARIOS.find((scenario) => scenario.name.includes('stable'))!;
const historiesAt = (offset: number): Row[] => [
  ...HISTORY_SCENARIOS.map((scenario) => ({ name: scenario.name, timeZone: 'Asia/Seoul', ...syntheticHistory({ ...scenario, seed: scenario.seed + offset }) })),
  { name: `${stable.name}, local hours read as UTC`, timeZone: 'UTC', ...syntheticHistory({ ...stable, daypartTaste: 1, seed: stable.seed + offset }) },
  {
    name: '`kiosk demo orders`, 60 days × 500',
    timeZone: 'Asia/Seoul',
    orders: demoHistory(generateDemoOrders(demoMenu(), { days: 60, perDay: 500, seed: 1 + offset, end: Date.parse('2025-06-30T20:00:00+09:00'), timeZone: 'Asia/Seoul' })),
  },
];

const rate = (value: number) => value.toFixed(3);
const signed = (value: number) => `${value >= 0 ? '+' : '−'}${rate(Math.abs(value))}`;
const evaluateRow = (row: Row) => {
  const result = evaluateRecommender(row.orders, K, { timeZone: row.timeZone });
  const { groupPopularity, decayedGroupPopularity } = result.baselines;
  return { result, margin: result.hitRate - Math.max(groupPopularity.hitRate, decayedGroupPopularity.hitRate) };
};

const firstOffset = Number(values['seed-offset']);
if (values.seeds) printAcrossDraws(firstOffset, Number(values.seeds));
else printOneDraw(firstOffset);

function printOneDraw(offset: number): void {
  console.log(`| history | test orders | ours hit@${K} | popularity in the group | the same, decayed | overall popularity | generating model (ceiling) | ours − better baseline | settings chosen |`);
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const row of historiesAt(offset)) {
    if (csvDir) fs.writeFileSync(path.join(csvDir, `${row.name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase()}.csv`), orderHistoryCsv(row.orders));
    const { result, margin } = evaluateRow(row);
    const { groupPopularity, decayedGroupPopularity, overallPopularity } = result.baselines;
    const test = splitInTime(row.orders, EVAL_TRAIN_SHARE).later;
    const modelTopK = row.modelTopK;
    const ceiling = modelTopK ? rate(scoreRecommendations(test, K, (order) => modelTopK(order, K)).hitRate) : '—';
    console.log(
      `| ${row.name} | ${result.n} | ${rate(result.hitRate)} | ${rate(groupPopularity.hitRate)} | ${rate(decayedGroupPopularity.hitRate)} | ${rate(overallPopularity.hitRate)} | ${ceiling} | ${signed(margin)} | ${describeSettings(result.tuning.chosen)} |`,
    );
  }
}

function printAcrossDraws(firstOffset: number, draws: number): void {
  const margins = new Map<string, number[]>();
  for (let draw = 0; draw < draws; draw += 1) {
    for (const row of historiesAt(firstOffset + draw * SEED_STEP)) margins.set(row.name, [...(margins.get(row.name) ?? []), evaluateRow(row).margin]);
  }
  console.log(`| history | draws | ours − better baseline, mean | worst | draws within ${MARGIN} |`);
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [name, values] of margins) {
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    console.log(`| ${name} | ${values.length} | ${signed(mean)} | ${signed(Math.min(...values))} | ${values.filter((value) => value >= -MARGIN).length} |`);
  }
}
