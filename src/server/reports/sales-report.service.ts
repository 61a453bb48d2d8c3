import { AppError } from '../errors';
import type { ReportRepository } from '../repositories/report.repository';
import { localDate } from '../services/order.service';
import { buildSalesReport, type SalesReport } from './sales-report';

export type ReportContext = { storeId: string; timeZone: string; now: () => Date };

/** Longest period one export covers: a year and a day, so any calendar year fits. */
export const MAX_REPORT_DAYS = 366;
const DAY_MS = 86_400_000;

/** The day's close and sales over a period, read from the database the server writes. */
export class SalesReportService {
  constructor(
    private readonly reports: ReportRepository,
    private readonly context: ReportContext,
  ) {}

  /** One business day; today (the store's clock) by default. */
  day(date = localDate(this.context.now(), this.context.timeZone)): Promise<SalesReport> {
    return this.period(date, date);
  }

  async period(from: string, to: string): Promise<SalesReport> {
    const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
    if (!(days >= 1)) throw new AppError(400, 'invalid_period', `The period must start on or before its end (${from} ~ ${to}).`);
    if (days > MAX_REPORT_DAYS) throw new AppError(400, 'invalid_period', `A report covers at most ${MAX_REPORT_DAYS} days; ${from} ~ ${to} is ${days}.`);
    const { orders, lines } = await this.reports.between(this.context.storeId, from, to);
    return buildSalesReport(orders, lines, { from, to, timeZone: this.context.timeZone });
  }
}
