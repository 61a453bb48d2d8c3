import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, StaffCallListResponse, StaffCallRequest, StaffCallResponse } from '../../contracts/http';
import type { StaffCallService } from '../services/staff-call.service';
import type { DeviceGate } from './device-auth';
import { KioskBudget } from './kiosk-budget';

/** A customer calls staff once or twice; ten a minute from one kiosk is someone playing with it. */
export const STAFF_CALLS_PER_KIOSK = { count: 10, windowMs: 60_000 };

const PAGERS = ['pager'] as const;

export const staffCallRoutes: FastifyPluginAsyncTypebox<{ staffCalls: StaffCallService; gate: DeviceGate }> = async (app, { staffCalls, gate }) => {
  const budget = new KioskBudget('staff calls', STAFF_CALLS_PER_KIOSK);
  app.post(
    '/api/staff-calls',
    { onRequest: gate.kioskBefore, bodyLimit: 4 * 1024, schema: { body: StaffCallRequest, response: { 201: StaffCallResponse, 401: ErrorResponse, 403: ErrorResponse, 429: ErrorResponse } } },
    async (request, reply) => {
      const kioskId = await gate.kiosk(request);
      budget.spend(kioskId, reply);
      return reply.code(201).send(await staffCalls.call(request.body, kioskId));
    },
  );

  // The kiosk that called asks until staff have answered, then tells its customer help is coming.
  app.get(
    '/api/staff-calls/:id',
    { schema: { params: Type.Object({ id: Type.String({ format: 'uuid' }) }), response: { 200: StaffCallResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse } } },
    async (request) => staffCalls.forKiosk(request.params.id, await gate.kiosk(request)),
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
