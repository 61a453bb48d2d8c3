/** `kiosk report day|sales`: the day's close or sales over a period, as CSV (stdout or a file) or Excel, from the server's database. */
import fs from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../config/config';
import { ReportRepository } from '../server/repositories/report.repository';
import { exportReport, REPORT_FORMATS, type ReportFormat } from '../server/reports/report-export';
import type { SalesReport } from '../server/reports/sales-report';
import { SalesReportService } from '../server/reports/sales-report.service';
import { openStore } from '../server/store';

type Output = { format: string; out?: string };

/** A real calendar day written YYYY-MM-DD. */
function businessDate(value: string): string {
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== value) {
    throw new Error(`"${value}" is not a date: write it as YYYY-MM-DD, e.g. 2026-11-28.`);
  }
  return value;
}

function formatOf({ format, out }: Output): ReportFormat {
  if (!REPORT_FORMATS.includes(format as ReportFormat)) throw new Error(`--format must be ${REPORT_FORMATS.join(' or ')}, not "${format}".`);
  if (format === 'xlsx' && !out) throw new Error('An Excel file cannot go to the terminal: add --out FILE.xlsx.');
  return format as ReportFormat;
}

async function writeReport(output: Output, make: (reports: SalesReportService) => Promise<SalesReport>): Promise<void> {
  const format = formatOf(output);
  const config = loadConfig();
  const { db } = await openStore(config);
  try {
    const report = await make(new SalesReportService(new ReportRepository(db), { storeId: config.storeId, timeZone: config.timeZone, now: () => new Date() }));
    const file = await exportReport(report, format);
    if (output.out) {
      fs.writeFileSync(output.out, file);
      console.error(`Wrote ${output.out}: ${report.orders} orders, revenue ${report.revenue.toLocaleString('ko-KR')}원 (${report.from}${report.to === report.from ? '' : ` ~ ${report.to}`}).`);
    } else {
      process.stdout.write(file);
    }
  } finally {
    await db.destroy();
  }
}

export function registerReportCommands(program: Command): void {
  const report = program.command('report').description("sales reports from the server's database (same DATA_DIR / DATABASE_URL)");
  report
    .command('day')
    .description("the day's close (마감 정산): orders, revenue by payment method, unpaid, cancellations, dishes, by hour")
    .option('--date <YYYY-MM-DD>', "the business day (default: today on the store's clock)", businessDate)
    .requiredOption('--format <format>', REPORT_FORMATS.join(' | '))
    .option('--out <file>', 'write to this file (CSV goes to stdout without it)')
    .action((options: Output & { date?: string }) => writeReport(options, (reports) => reports.day(options.date)));
  report
    .command('sales')
    .description('sales over a period of business days, the same sections plus one row per day')
    .requiredOption('--from <YYYY-MM-DD>', 'first business day', businessDate)
    .requiredOption('--to <YYYY-MM-DD>', 'last business day', businessDate)
    .requiredOption('--format <format>', REPORT_FORMATS.join(' | '))
    .option('--out <file>', 'write to this file (CSV goes to stdout without it)')
    .action((options: Output & { from: string; to: string }) => writeReport(options, (reports) => reports.period(options.from, options.to)));
}
