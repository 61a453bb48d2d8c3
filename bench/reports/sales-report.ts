/**
 * The day's close and a month's sales on ~15k generated orders in SQLite: our two queries per
 * period (report.repository.ts) against reading each day's orders whole, order by order, as the
 * orders page does (OrderRepository.findByBusinessDate), which is what one would reuse otherwise.
 * Also what writing the CSV and the Excel file costs.
 */
import { migrateToLatest, openSqlite } from '../../src/server/db/database';
import { addDays } from '../../src/domain/store-hours';
import { generateDemoOrders } from '../../src/recommend/demo-orders';
import { DemoOrderRepository } from '../../src/server/repositories/demo-order.repository';
import { OrderRepository } from '../../src/server/repositories/order.repository';
import { ReportRepository } from '../../src/server/repositories/report.repository';
import { reportCsv, reportWorkbook } from '../../src/server/reports/report-export';
import { buildSalesReport } from '../../src/server/reports/sales-report';
import { seedDemoOrders } from '../../src/server/seed/seed-demo-orders';
import { demoMenu } from '../../src/test-support/demo-menu';

const STORE = { storeId: 'store-1', kioskId: 'kiosk-1', timeZone: 'Asia/Seoul' };

export type ReportBench = { orders: number; days: number; oursMs: number; perOrderMs: number; dayMs: number; csvMs: number; xlsxMs: number; xlsxBytes: number };

async function timed<T>(work: () => Promise<T>, runs = 3): Promise<{ ms: number; value: T }> {
  let best = Infinity;
  let value!: T;
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    value = await work();
    best = Math.min(best, performance.now() - started);
  }
  return { ms: best, value };
}

export async function measureSalesReport(days = 30, perDay = 500): Promise<ReportBench> {
  const menu = demoMenu();
  const generated = generateDemoOrders(menu, { days, perDay, seed: 1, end: Date.parse('2025-06-30T20:00:00+09:00'), timeZone: STORE.timeZone });
  const db = openSqlite(':memory:');
  try {
    await migrateToLatest(db);
    await seedDemoOrders(new DemoOrderRepository(db), menu, generated, STORE, false);
    const [to, from] = ['2025-06-30', addDays('2025-06-30', -(days - 1))];
    const reports = new ReportRepository(db);
    const period = { from, to, timeZone: STORE.timeZone };
    const ours = await timed(async () => {
      const { orders, lines } = await reports.between(STORE.storeId, from, to);
      return buildSalesReport(orders, lines, period);
    });
    const orders = new OrderRepository(db);
    const perOrder = await timed(async () => {
      let revenue = 0;
      for (let date = from; date <= to; date = addDays(date, 1)) {
        for (const stored of await orders.findByBusinessDate(STORE.storeId, date)) revenue += stored.order.total;
      }
      return revenue;
    }, 1);
    if (perOrder.value !== ours.value.revenue + ours.value.unpaid.amount) throw new Error('The two ways disagree on the month’s takings.');
    const day = await timed(async () => {
      const { orders: dayOrders, lines } = await reports.between(STORE.storeId, to, to);
      return buildSalesReport(dayOrders, lines, { ...period, from: to });
    });
    const csv = await timed(async () => reportCsv(ours.value));
    const xlsx = await timed(() => reportWorkbook(ours.value));
    return { orders: generated.length, days, oursMs: ours.ms, perOrderMs: perOrder.ms, dayMs: day.ms, csvMs: csv.ms, xlsxMs: xlsx.ms, xlsxBytes: xlsx.value.length };
  } finally {
    await db.destroy();
  }
}
