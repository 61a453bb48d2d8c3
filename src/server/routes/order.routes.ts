import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, OrderListResponse, OrderRequest, OrderResponse, OrderStatusRequest } from '../../contracts/http';
import type { FastifyRequest } from 'fastify';
import { notFound } from '../errors';
import { ADMIN_ROLES, type AdminAuthService } from '../services/admin-auth.service';
import type { OrderService } from '../services/order.service';
import { requireAdmin, SESSION_COOKIE } from './admin/admin-session';
import type { DeviceGate } from './device-auth';

const OrderId = Type.Object({ id: Type.String({ format: 'uuid' }) });
const KITCHEN_DEVICES = ['kitchen', 'pickup'] as const;
/** Who may read an order: the store's order devices all of them, a kiosk its own. */
const ORDER_READERS = ['kiosk', 'kitchen', 'pickup', 'pager'] as const;
/** A full cart (the order limits' most lines, each with options) is a few KB. */
const ORDER_BODY_LIMIT = 32 * 1024;

const IdempotencyHeaders = Type.Object({
  // Generated demo history owns the `demo-` prefix (kiosk demo orders --replace deletes by it).
  'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 128, pattern: '^(?!demo-)[A-Za-z0-9_.:-]+$' })),
});

type Options = { orders: OrderService; gate: DeviceGate; auth: AdminAuthService };

export const orderRoutes: FastifyPluginAsyncTypebox<Options> = async (app, { orders, gate, auth }) => {
  /** Every order for the console and the store's devices; only its own for a kiosk (its order-number screen). */
  const readableBy = async (request: FastifyRequest): Promise<{ kioskId: string } | 'every order'> => {
    if (request.headers.authorization !== undefined) {
      const device = await gate.require(request, ORDER_READERS);
      return device.kind === 'kiosk' ? { kioskId: device.id } : 'every order';
    }
    if (request.cookies[SESSION_COOKIE] !== undefined) {
      await requireAdmin(auth, request, ADMIN_ROLES);
      return 'every order';
    }
    return { kioskId: await gate.kiosk(request) };
  };

  app.post(
    '/api/orders',
    {
      onRequest: gate.kioskBefore,
      bodyLimit: ORDER_BODY_LIMIT,
      schema: {
        headers: IdempotencyHeaders,
        body: OrderRequest,
        response: { 201: OrderResponse, 400: ErrorResponse, 401: ErrorResponse, 402: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const placed = await orders.placeOrder(request.body, await gate.kiosk(request), request.headers['idempotency-key']);
      // A replay answers exactly as the first time did, so a retrying client cannot tell them apart.
      if (placed.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(placed.order);
    },
  );

  app.get(
    '/api/orders/:id',
    { schema: { params: OrderId, response: { 200: OrderResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse } } },
    async (request) => {
      const reader = await readableBy(request);
      const order = await orders.getOrder(request.params.id);
      // Another kiosk's order is answered as if it did not exist: a kiosk cannot probe for ids.
      if (reader !== 'every order' && order.kioskId !== reader.kioskId) throw notFound(`Order ${request.params.id}`);
      return order;
    },
  );

  // The kitchen display and the pickup board: what is still open, and moving an order on.
  app.get('/api/orders/open', { schema: { response: { 200: OrderListResponse, 401: ErrorResponse, 403: ErrorResponse } } }, async (request) => {
    const device = await gate.require(request, KITCHEN_DEVICES);
    return { orders: await orders.openOrders(device.storeId) };
  });

  app.post(
    '/api/orders/:id/status',
    { onRequest: gate.before(KITCHEN_DEVICES), bodyLimit: 1024, schema: { params: OrderId, body: OrderStatusRequest, response: { 200: OrderResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } } },
    async (request) => {
      const device = await gate.require(request, KITCHEN_DEVICES);
      return orders.advance(request.params.id, device.storeId, request.body.status);
    },
  );

  // The body names the step to take back: `ready` returns the order to cooking, `picked_up` to ready.
  app.post(
    '/api/orders/:id/undo',
    { schema: { params: OrderId, body: OrderStatusRequest, response: { 200: OrderResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } } },
    async (request) => {
      const device = await gate.require(request, KITCHEN_DEVICES);
      return orders.undo(request.params.id, device.storeId, request.body.status);
    },
  );

  app.post(
    '/api/orders/:id/call-again',
    { schema: { params: OrderId, response: { 200: OrderResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } } },
    async (request) => {
      const device = await gate.require(request, KITCHEN_DEVICES);
      return orders.callAgain(request.params.id, device.storeId);
    },
  );
};
