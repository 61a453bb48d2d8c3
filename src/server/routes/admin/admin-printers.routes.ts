/** The console's printers: add and change them, print a test page, see and reprint the latest tickets, print an order's receipt. */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse } from '../../../contracts/http';
import { NewPrinterRequest, PrinterListResponse, PrinterPatch, PrinterResponse, PrintJobListResponse, PrintJobResponse } from '../../../contracts/printers';
import type { PrintingService } from '../../printing/printing.service';
import type { OrderService } from '../../services/order.service';
import { toSvg } from '../../printing/render-ticket';
import { ADMIN_ROLES, type AdminAuthService } from '../../services/admin-auth.service';
import { requireAdmin } from './admin-session';

type Options = { auth: AdminAuthService; printing: PrintingService; orders: OrderService };
const OWNER = ['owner'] as const;
const Id = Type.Object({ id: Type.String({ maxLength: 64 }) });
const RECENT_JOBS = 30;

export const adminPrinterRoutes: FastifyPluginAsyncTypebox<Options> = async (app, { auth, printing, orders }) => {
  app.get('/api/admin/printers', { schema: { response: { 200: PrinterListResponse, 401: ErrorResponse } } }, async (request) => {
    await requireAdmin(auth, request, ADMIN_ROLES);
    return { printers: await printing.list() };
  });

  app.post('/api/admin/printers', { schema: { body: NewPrinterRequest, response: { 201: PrinterResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse } } }, async (request, reply) => {
    await requireAdmin(auth, request, OWNER);
    return reply.code(201).send(await printing.add(request.body));
  });

  app.patch('/api/admin/printers/:id', { schema: { params: Id, body: PrinterPatch, response: { 200: PrinterResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse } } }, async (request) => {
    await requireAdmin(auth, request, OWNER);
    return printing.update(request.params.id, request.body);
  });

  app.delete('/api/admin/printers/:id', { schema: { params: Id, response: { 204: Type.Null(), 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse } } }, async (request, reply) => {
    await requireAdmin(auth, request, OWNER);
    await printing.remove(request.params.id);
    return reply.code(204).send(null);
  });

  app.post('/api/admin/printers/:id/test', { schema: { params: Id, response: { 202: PrintJobResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse } } }, async (request, reply) => {
    await requireAdmin(auth, request, ADMIN_ROLES);
    return reply.code(202).send(await printing.testPrint(request.params.id));
  });

  app.get(
    '/api/admin/print-jobs',
    { schema: { querystring: Type.Object({ printer: Type.Optional(Type.String({ maxLength: 64 })) }), response: { 200: PrintJobListResponse, 401: ErrorResponse } } },
    async (request) => {
      await requireAdmin(auth, request, ADMIN_ROLES);
      return { jobs: await printing.recentJobs(RECENT_JOBS, request.query.printer) };
    },
  );

  /** What the ticket looks like on paper, as the virtual printer draws it. */
  app.get('/api/admin/print-jobs/:id/image', { schema: { params: Id } }, async (request, reply) => {
    await requireAdmin(auth, request, ADMIN_ROLES);
    return reply.type('image/svg+xml').header('cache-control', 'private, max-age=3600').send(toSvg(await printing.jobDocument(request.params.id)));
  });

  /** 영수증 주세요: a customer's receipt, asked for at the counter after the order. */
  app.post(
    '/api/admin/orders/:id/receipt',
    { schema: { params: Type.Object({ id: Type.String({ format: 'uuid' }) }), response: { 202: PrintJobListResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } } },
    async (request, reply) => {
      await requireAdmin(auth, request, ADMIN_ROLES);
      return reply.code(202).send({ jobs: await printing.printReceipt(await orders.storeOrder(request.params.id)) });
    },
  );

  app.post('/api/admin/print-jobs/:id/reprint', { schema: { params: Id, response: { 202: PrintJobResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse } } }, async (request, reply) => {
    await requireAdmin(auth, request, ADMIN_ROLES);
    return reply.code(202).send(await printing.reprint(request.params.id));
  });
};
