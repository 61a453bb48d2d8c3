/** A sales report as a file: CSV (UTF-8 with a BOM, so Excel reads the Korean) or an Excel workbook. */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { REPORT_SECTIONS, reportRows, SECTION_TITLES } from './report-rows';
import type { SalesReport } from './sales-report';

export const REPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CSV_COLUMNS = ['section', 'key', 'label', 'orders', 'amount'] as const;

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function reportCsv(report: SalesReport): string {
  return `\uFEFF${stringify(reportRows(report), { header: true, columns: [...CSV_COLUMNS] })}`;
}

/** One sheet per section, amounts in whole won. */
export async function reportWorkbook(report: SalesReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(0);
  const rows = reportRows(report);
  for (const section of REPORT_SECTIONS) {
    const sheet = workbook.addWorksheet(SECTION_TITLES[section]);
    sheet.columns = [
      { header: '구분 Key', key: 'key', width: 22 },
      { header: '내용 Label', key: 'label', width: 40 },
      { header: '건수 Orders', key: 'orders', width: 12 },
      { header: '금액 Amount (원)', key: 'amount', width: 16, style: { numFmt: '#,##0' } },
    ];
    for (const row of rows.filter((candidate) => candidate.section === section)) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function exportReport(report: SalesReport, format: ReportFormat): Promise<Buffer> {
  return format === 'csv' ? Buffer.from(reportCsv(report), 'utf8') : reportWorkbook(report);
}

/** The file's name, e.g. `sales-2026-11-28.xlsx` or `sales-2026-11-01_2026-11-30.csv`. */
export function reportFileName(report: SalesReport, format: ReportFormat): string {
  return `sales-${report.from === report.to ? report.from : `${report.from}_${report.to}`}.${format}`;
}
