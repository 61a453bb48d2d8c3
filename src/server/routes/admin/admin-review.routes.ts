/** The console's data flywheel: the review queue of unsure camera decisions, their crops, and the data counts. */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, FlywheelCountsResponse, ReviewQueueResponse, ReviewVerdictRequest } from '../../../contracts/http';
import type { DecisionLogService } from '../../flywheel/decision-log.service';
import { ADMIN_ROLES, type AdminAuthService } from '../../services/admin-auth.service';
import { requireAdmin } from './admin-session';

type Options = { auth: AdminAuthService; decisions: DecisionLogService };
const DecisionId = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const adminReviewRoutes: FastifyPluginAsyncTypebox<Options> = async (app, { auth, decisions }) => {
  app.get(
    '/api/admin/review',
    {
      schema: {
        // Query strings are text (no type coercion on this server): the pattern allows 1–100.
        querystring: Type.Object({ limit: Type.Optional(Type.String({ pattern: '^([1-9][0-9]?|100)$' })), after: Type.Optional(Type.String({ format: 'uuid' })) }),
        response: { 200: ReviewQueueResponse, 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (request) => {
      await requireAdmin(auth, request, ADMIN_ROLES);
      return decisions.queue(Number(request.query.limit ?? 20), request.query.after);
    },
  );

  app.get('/api/admin/review/:id/crop', { schema: { params: DecisionId } }, async (request, reply) => {
    await requireAdmin(auth, request, ADMIN_ROLES);
    const crop = await decisions.crop(request.params.id);
    // A face: never kept by a browser or proxy cache, never read as anything but a picture.
    return reply.header('content-type', crop.contentType).header('cache-control', 'no-store').header('x-content-type-options', 'nosniff').send(crop.data);
  });

  app.post(
    '/api/admin/review/:id',
    { schema: { params: DecisionId, body: ReviewVerdictRequest, response: { 204: Type.Null(), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } } },
    async (request, reply) => {
      const user = await requireAdmin(auth, request, ADMIN_ROLES);
      await decisions.settle(request.params.id, request.body, user.id);
      return reply.code(204).send(null);
    },
  );

  app.get('/api/admin/flywheel/counts', { schema: { response: { 200: FlywheelCountsResponse, 401: ErrorResponse } } }, async (request) => {
    await requireAdmin(auth, request, ADMIN_ROLES);
    return decisions.counts();
  });
};
