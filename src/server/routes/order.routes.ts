import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, OrderRequest, OrderResponse } from '../../contracts/http';
import type { OrderService } from '../services/order.service';

const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 8, maxLength: 128, pattern: '^[A-Za-z0-9_.:-]+$' })),
});

export const orderRoutes: FastifyPluginAsyncTypebox<{ orders: OrderService }> = async (app, { orders }) => {
  app.post(
    '/api/orders',
    {
      schema: {
        headers: IdempotencyHeaders,
        body: OrderRequest,
        response: { 201: OrderResponse, 400: ErrorResponse, 402: ErrorResponse, 409: ErrorResponse },
      },
    },
    async (request, reply) => {
      const placed = await orders.placeOrder(request.body, request.headers['idempotency-key']);
      // A replay answers exactly as the first time did, so a retrying client cannot tell them apart.
      if (placed.replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(placed.order);
    },
  );

  app.get(
    '/api/orders/:id',
    { schema: { params: Type.Object({ id: Type.String({ format: 'uuid' }) }), response: { 200: OrderResponse, 404: ErrorResponse } } },
    async (request) => orders.getOrder(request.params.id),
  );
};
