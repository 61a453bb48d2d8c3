/** `kiosk recommend eval`: how well the recommender predicts held-out orders, against overall popularity. */
import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { loadConfig } from '../config/config';
import { evaluateRecommender } from '../recommend/evaluate-recommender';
import { parseOrderHistoryCsv } from '../recommend/order-history-csv';
import { DEFAULT_RECOMMENDER_OPTIONS } from '../recommend/recommender';
import { number } from './cli-options';

type EvalOptions = { orders: string; k: number; json: boolean; halfLifeDays: number; ageOnly: boolean; timeZone?: string };

export function registerRecommendCommands(program: Command): void {
  const recommend = program.command('recommend').description('menu recommendations by customer group and time of day');

  recommend
    .command('eval')
    .description('train on the earliest 80 % of orders, recommend k dishes for each later order from its group and hour, and compare with overall popularity')
    .requiredOption('--orders <file>', 'order lines as CSV: order_id,created_at,segment,item_id,quantity')
    .option('--k <n>', 'dishes recommended per order', number, 3)
    .option('--half-life-days <n>', 'an order weighs half as much this many days before the latest', number, DEFAULT_RECOMMENDER_OPTIONS.halfLifeDays)
    .option('--age-only', 'group customers by age alone (senior / general)', false)
    .option('--time-zone <zone>', "the store's time zone, for times of day (default: STORE_TIME_ZONE or Asia/Seoul)")
    .option('--json', 'print only the JSON object', false)
    .action(async (options: EvalOptions) => {
      const timeZone = options.timeZone ?? loadConfig().timeZone;
      const text = await fs.readFile(options.orders, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new Error(`cannot read ${options.orders} (${error.code ?? error.message}).`);
      });
      const orders = parseOrderHistoryCsv(text, options.orders, timeZone);
      const result = evaluateRecommender(orders, options.k, { timeZone, halfLifeDays: options.halfLifeDays, ageOnly: options.ageOnly });
      if (!options.json) {
        const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
        console.log(
          `trained on ${result.trainOrders} orders, tested on ${result.n}: hit rate@${result.k} ${percent(result.hitRate)} vs ${percent(result.baselineHitRate)} for overall popularity · ` +
            `NDCG@${result.k} ${result.ndcg.toFixed(3)} vs ${result.baselineNdcg.toFixed(3)}`,
        );
      }
      const { k, n, hitRate, baselineHitRate, ndcg } = result;
      console.log(JSON.stringify({ k, n, hitRate, baselineHitRate, ndcg }));
    });
}
