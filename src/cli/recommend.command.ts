/** `kiosk recommend eval`: how well the recommender predicts held-out orders, the settings it chose, and the simple baselines beside it. */
import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { loadConfig } from '../config/config';
import { evaluateRecommender } from '../recommend/evaluate-recommender';
import { parseOrderHistoryCsv } from '../recommend/order-history-csv';
import { DECAYED_BASELINE_HALF_LIFE_DAYS } from '../recommend/popularity-baselines';
import { describeSettings } from '../recommend/recommender-settings';
import { MIN_VALIDATION_ORDERS } from '../recommend/tune-recommender';
import { number } from './cli-options';

type EvalOptions = { orders: string; k: number; json: boolean; ageOnly: boolean; timeZone?: string };

export function registerRecommendCommands(program: Command): void {
  const recommend = program.command('recommend').description('menu recommendations by customer group and time of day');

  recommend
    .command('eval')
    .description(
      'train on the earliest 80 % of orders (choosing the settings on a time-ordered split of them), recommend k dishes for each later order from its group and hour, and compare with popularity in the group, plain and decayed, and overall',
    )
    .requiredOption('--orders <file>', 'order lines as CSV: order_id,created_at,segment,item_id,quantity')
    .option('--k <n>', 'dishes recommended per order', number, 3)
    .option('--age-only', 'group customers by age alone (senior / general)', false)
    .option('--time-zone <zone>', "the store's time zone, for times of day (default: STORE_TIME_ZONE or Asia/Seoul)")
    .option('--json', 'print only the JSON object', false)
    .action(async (options: EvalOptions) => {
      const timeZone = options.timeZone ?? loadConfig().timeZone;
      const text = await fs.readFile(options.orders, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new Error(`cannot read ${options.orders} (${error.code ?? error.message}).`);
      });
      const orders = parseOrderHistoryCsv(text, options.orders, timeZone);
      const result = evaluateRecommender(orders, options.k, { timeZone, ageOnly: options.ageOnly });
      const { k, n, tuning, baselines } = result;
      if (!options.json) {
        const rate = (share: number) => share.toFixed(3);
        console.log(`trained on ${result.trainOrders} orders, tested on the ${n} later ones; hit rate@${k} (any ordered dish among the ${k}):`);
        console.log(
          `  ours ${rate(result.hitRate)} · popularity in the group ${rate(baselines.groupPopularity.hitRate)} · ` +
            `the same, decayed (half-life ${DECAYED_BASELINE_HALF_LIFE_DAYS} d) ${rate(baselines.decayedGroupPopularity.hitRate)} · overall popularity ${rate(baselines.overallPopularity.hitRate)}`,
        );
        console.log(`  NDCG@${k}: ours ${result.ndcg.toFixed(3)} · popularity in the group ${baselines.groupPopularity.ndcg.toFixed(3)}`);
        if (tuning.candidates.length === 0) {
          console.log(`settings: ${describeSettings(tuning.chosen)} (the defaults: ${tuning.validationOrders} orders are too few to choose by)`);
        } else {
          const thin = tuning.validationOrders < MIN_VALIDATION_ORDERS ? ` (the better baseline: under ${MIN_VALIDATION_ORDERS} orders are too few to trust any other)` : '';
          console.log(`settings chosen: ${describeSettings(tuning.chosen)}, by hit rate@${k} on the last ${tuning.validationOrders} of the ${tuning.trainOrders + tuning.validationOrders} training orders${thin}:`);
          for (const candidate of tuning.candidates) console.log(`  ${rate(candidate.hitRate)}  ${describeSettings(candidate.settings)}`);
        }
      }
      console.log(
        JSON.stringify({
          k,
          n,
          hitRate: result.hitRate,
          ndcg: result.ndcg,
          groupPopularity: baselines.groupPopularity.hitRate,
          decayedGroupPopularity: baselines.decayedGroupPopularity.hitRate,
          overallPopularity: baselines.overallPopularity.hitRate,
          settings: describeSettings(tuning.chosen),
          candidates: tuning.candidates.map((candidate) => ({ settings: describeSettings(candidate.settings), hitRate: candidate.hitRate })),
        }),
      );
    });
}
