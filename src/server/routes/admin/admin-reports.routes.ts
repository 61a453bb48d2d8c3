/** The day's close and sales over a period: as JSON for the console, or as a CSV or Excel file to download. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { DayReportQuery, ErrorResponse, SalesReportQuery, SalesReportResponse } from '../../../contracts/http';
import { CONTENT_TYPES, exportReport, reportFileName } from '../../reports/report-export';
import type { SalesReport } from '../../reports/sales-report';
import type { SalesReportService } from '../../reports/sales-report.service';
import { ADMIN_ROLES, type AdminAuthService } from '../../services/admin-auth.service';
import { requireAdmin } from './admin-session';

const Answers = { 200: SalesReportResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

export const adminReportRoutes: FastifyPluginAsyncTypebox<{ auth: AdminAuthService; reports: SalesReportService }> = async (app, { auth, reports }) => {
  app.get('/api/admin/reports/day', { schema: { querystring: DayReportQuery, response: Answers } }, async (request, reply) => {
    await requireAdmin(auth, request, ADMIN_ROLES);
    return answer(reply, await reports.day(request.query.date), request.query.format ?? 'json');
  });

  app.get('/api/admin/reports/sales', { schema: { querystring: SalesReportQuery, response: Answers } }, async (request, reply) => {
    await requireAdmin(auth, request, ADMIN_ROLES);
    return answer(reply, await reports.period(request.query.from, request.query.to), request.query.format ?? 'json');
  });
};

async function answer(reply: FastifyReply, report: SalesReport, format: 'json' | 'csv' | 'xlsx') {
  if (format === 'json') return report;
  return reply
    .type(CONTENT_TYPES[format])
    .header('content-disposition', `attachment; filename="${reportFileName(report, format)}"`)
    .send(await exportReport(report, format));
}
