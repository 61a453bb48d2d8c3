import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { StaffCallRequest, StaffCallResponse } from '../../contracts/http';
import type { StaffCallService } from '../services/staff-call.service';

export const staffCallRoutes: FastifyPluginAsyncTypebox<{ staffCalls: StaffCallService }> = async (app, { staffCalls }) => {
  app.post(
    '/api/staff-calls',
    { schema: { body: StaffCallRequest, response: { 201: StaffCallResponse } } },
    async (request, reply) => reply.code(201).send(await staffCalls.call(request.body)),
  );
};
