/** The console's money actions on an order: take a counter payment, cancel (and refund), and the audit log. */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditLogResponse, CancelOrderRequest, ErrorResponse, OrderResponse, SettleOrderRequest } from '../../../contracts/http';
import { ADMIN_ROLES, type AdminAuthService } from '../../services/admin-auth.service';
import type { OrderSettlementService } from '../../services/order-settlement.service';
import { requireAdmin } from './admin-session';

const OrderId = Type.Object({ id: Type.String({ format: 'uuid' }) });
const Answers = { 200: OrderResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

export const adminSettlementRoutes: FastifyPluginAsyncTypebox<{ auth: AdminAuthService; settlement: OrderSettlementService }> = async (app, { auth, settlement }) => {
  app.post('/api/admin/orders/:id/settle', { schema: { params: OrderId, body: SettleOrderRequest, response: Answers } }, async (request) => {
    const user = await requireAdmin(auth, request, ADMIN_ROLES);
    return settlement.settle(request.params.id, request.body.method, user);
  });

  // Staff may reach the service; whether they may cancel is the owner's setting, which it checks.
  app.post('/api/admin/orders/:id/cancel', { schema: { params: OrderId, body: CancelOrderRequest, response: Answers } }, async (request) => {
    const user = await requireAdmin(auth, request, ADMIN_ROLES);
    return settlement.cancel(request.params.id, request.body.reason.trim(), user);
  });

  app.get('/api/admin/audit', { schema: { response: { 200: AuditLogResponse, 401: ErrorResponse, 403: ErrorResponse } } }, async (request) => {
    await requireAdmin(auth, request, ['owner']);
    return { entries: await settlement.recent() };
  });
};
