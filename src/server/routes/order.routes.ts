import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, OrderListResponse, OrderRequest, OrderResponse, OrderStatusRequest } from '../../contracts/http';
import type { OrderService } from '../services/order.service';
import type { DeviceGate } from './device-auth';

const OrderId = Type.Object({ id: Type.String({ format: 'uuid' }) });
const KITCHEN_DEVICES = ['kitchen', 'pickup'] as const;

const IdempotencyHeaders = Type.Object({
  // Generated demo history owns the `demo-` prefix (kiosk demo orders --replace deletes by it).
  'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 128, pattern: '^(?!demo-)[A-Za-z0-9_.:-]+$' })),
});

export const orderRoutes: FastifyPluginAsyncTypebox<{ orders: OrderService; gate: DeviceGate }> = async (app, { orders, gate }) => {
  app.post(
    '/api/orders',
    {
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
    { schema: { params: OrderId, response: { 200: OrderResponse, 404: ErrorResponse } } },
    async (request) => orders.getOrder(request.params.id),
  );

  // The kitchen display and the pickup board: what is still open, and moving an order on.
  app.get('/api/orders/open', { schema: { response: { 200: OrderListResponse, 401: ErrorResponse, 403: ErrorResponse } } }, async (request) => {
    const device = await gate.require(request, KITCHEN_DEVICES);
    return { orders: await orders.openOrders(device.storeId) };
  });

  app.post(
    '/api/orders/:id/status',
    { schema: { params: OrderId, body: OrderStatusRequest, response: { 200: OrderResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } } },
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
