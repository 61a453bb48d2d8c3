/**
 * The day's close and a month's sales on ~15k generated orders in SQLite: our two queries per
 * period (report.repository.ts) against reading each day's orders whole, order by order, as the
 * orders page does (OrderRepository.findByBusinessDate), which is what one would reuse otherwise.
 * Also what writing the CSV and the Excel file costs.
 */
import { addDays } from '../../src/domain/store-hours';
import { OrderRepository } from '../../src/server/repositories/order.repository';
import { ReportRepository } from '../../src/server/repositories/report.repository';
import { reportCsv, reportWorkbook } from '../../src/server/reports/report-export';
import { buildSalesReport } from '../../src/server/reports/sales-report';
import { BENCH_LAST_DAY, BENCH_STORE as STORE, demoOrderDatabase } from '../support/demo-order-database';

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
  const { db, orders: placed } = await demoOrderDatabase(days, perDay);
  try {
    const [to, from] = [BENCH_LAST_DAY, addDays(BENCH_LAST_DAY, -(days - 1))];
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
    return { orders: placed, days, oursMs: ours.ms, perOrderMs: perOrder.ms, dayMs: day.ms, csvMs: csv.ms, xlsxMs: xlsx.ms, xlsxBytes: xlsx.value.length };
  } finally {
    await db.destroy();
  }
}
