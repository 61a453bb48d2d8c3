/** The day's close and sales over a period: as JSON for the console, or as a CSV or Excel file to download. */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { DayPrintQuery, DayReportQuery, ErrorResponse, SalesReportQuery, SalesReportResponse } from '../../../contracts/http';
import { PrintJobResponse } from '../../../contracts/printers';
import type { PrintingService } from '../../printing/printing.service';
import { dayReportReceipt } from '../../reports/report-receipt';
import { CONTENT_TYPES, exportReport, reportFileName } from '../../reports/report-export';
import type { SalesReport } from '../../reports/sales-report';
import type { SalesReportService } from '../../reports/sales-report.service';
import { ADMIN_ROLES, type AdminAuthService } from '../../services/admin-auth.service';
import { requireAdmin } from './admin-session';

const Answers = { 200: SalesReportResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

type ReportRouteOptions = { auth: AdminAuthService; reports: SalesReportService; printing: Pick<PrintingService, 'printReport'>; storeName: string };

export const adminReportRoutes: FastifyPluginAsyncTypebox<ReportRouteOptions> = async (app, { auth, reports, printing, storeName }) => {
  app.get('/api/admin/reports/day', { schema: { querystring: DayReportQuery, response: Answers } }, async (request, reply) => {
    await requireAdmin(auth, request, ADMIN_ROLES);
    return answer(reply, await reports.day(request.query.date), request.query.format ?? 'json');
  });

  app.get('/api/admin/reports/sales', { schema: { querystring: SalesReportQuery, response: Answers } }, async (request, reply) => {
    await requireAdmin(auth, request, ADMIN_ROLES);
    return answer(reply, await reports.period(request.query.from, request.query.to), request.query.format ?? 'json');
  });

  // The day's close on paper: the store's receipt printer prints it (409 when none prints receipts).
  const Printed = { 200: Type.Array(PrintJobResponse), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse };
  app.post('/api/admin/reports/day/print', { schema: { querystring: DayPrintQuery, response: Printed } }, async (request) => {
    await requireAdmin(auth, request, ADMIN_ROLES);
    const report = await reports.day(request.query.date);
    const { header, rows } = dayReportReceipt(report, storeName);
    return printing.printReport(`마감 정산 · ${report.from}`, [header[0]!, ...rows]);
  });
};

async function answer(reply: FastifyReply, report: SalesReport, format: 'json' | 'csv' | 'xlsx') {
  if (format === 'json') return report;
  return reply
    .type(CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="${reportFileName(report, format)}"`)
    .send(await exportReport(report, format));
}
