/** `kiosk demo orders`: a believable order history for the demo store, in the database or as a CSV for `recommend eval`. */
import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { loadConfig } from '../config/config';
import { demoHistory, generateDemoOrders } from '../recommend/demo-orders';
import { orderHistoryCsv } from '../recommend/order-history-csv';
import { DemoOrderRepository } from '../server/repositories/demo-order.repository';
import { seedDemoOrders } from '../server/seed/seed-demo-orders';
import { openStore } from '../server/store';
import { number } from './cli-options';

type DemoOrdersOptions = { days: number; perDay: number; seed: number; replace: boolean; csv?: string };

export function registerDemoCommands(program: Command): void {
  program
    .command('demo')
    .description('demo data for the demo store')
    .command('orders')
    .description('fill the database with generated past orders (groups with their own tastes, lunch and dinner peaks, weekends), ending now')
    .option('--days <n>', 'days of history', number, 60)
    .option('--per-day <n>', 'orders on an average day', number, 500)
    .option('--seed <n>', 'seed for the generator: the same seed, the same orders', number, 1)
    .option('--replace', 'delete earlier demo orders and write new ones', false)
    .option('--csv <file>', 'write the orders as order-history CSV (for recommend eval) instead of into the database')
    .action(async (options: DemoOrdersOptions) => {
      wholeNumber('--days', options.days, 3650);
      wholeNumber('--per-day', options.perDay, 100_000);
      const config = loadConfig();
      const store = await openStore(config);
      try {
        const started = performance.now();
        const menu = await store.menus.getMenu();
        const orders = generateDemoOrders(menu, { days: options.days, perDay: options.perDay, seed: options.seed, end: Date.now(), timeZone: config.timeZone });
        const lines = orders.reduce((sum, order) => sum + order.lines.length, 0);
        if (options.csv) {
          await fs.writeFile(options.csv, orderHistoryCsv(demoHistory(orders)));
          console.error(`wrote ${orders.length} orders (${lines} lines) to ${options.csv}`);
        } else {
          await seedDemoOrders(new DemoOrderRepository(store.db), menu, orders, config, options.replace);
          console.error(`wrote ${orders.length} demo orders (${lines} lines) in ${((performance.now() - started) / 1000).toFixed(1)} s; npm start shows them`);
        }
        console.log(JSON.stringify({ orders: orders.length, lines, days: options.days, ...(options.csv ? { csv: options.csv } : {}) }));
      } finally {
        await store.db.destroy();
      }
    });
}

function wholeNumber(name: string, value: number, max: number): void {
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`${name} must be a whole number from 1 to ${max}, not ${value}.`);
}
