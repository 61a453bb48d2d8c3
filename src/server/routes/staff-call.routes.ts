import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, StaffCallListResponse, StaffCallRequest, StaffCallResponse } from '../../contracts/http';
import type { StaffCallService } from '../services/staff-call.service';
import type { DeviceGate } from './device-auth';

const PAGERS = ['pager'] as const;

export const staffCallRoutes: FastifyPluginAsyncTypebox<{ staffCalls: StaffCallService; gate: DeviceGate }> = async (app, { staffCalls, gate }) => {
  app.post(
    '/api/staff-calls',
    { onRequest: gate.kioskBefore, bodyLimit: 4 * 1024, schema: { body: StaffCallRequest, response: { 201: StaffCallResponse, 401: ErrorResponse, 403: ErrorResponse } } },
    async (request, reply) => reply.code(201).send(await staffCalls.call(request.body, await gate.kiosk(request))),
  );

  // The staff pager: calls nobody has answered, and answering one.
  app.get('/api/staff-calls/open', { schema: { response: { 200: StaffCallListResponse, 401: ErrorResponse, 403: ErrorResponse } } }, async (request) => {
    const device = await gate.require(request, PAGERS);
    return { calls: await staffCalls.open(device.storeId) };
  });

  app.post(
    '/api/staff-calls/:id/acknowledge',
    { schema: { params: Type.Object({ id: Type.String({ format: 'uuid' }) }), response: { 200: StaffCallResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } } },
    async (request) => {
      const device = await gate.require(request, PAGERS);
      return staffCalls.acknowledge(request.params.id, device.storeId);
    },
  );
};
