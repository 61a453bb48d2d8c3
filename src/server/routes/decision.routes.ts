/**
 * The kiosk's camera decision log: `POST /api/vision/decisions` after each decision, and
 * `…/:id/override` when the customer contradicts it. The kiosk is named as for orders (`DeviceGate.kiosk`).
 */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CameraDecisionRequest, DecisionOverrideRequest, ErrorResponse } from '../../contracts/http';
import type { DecisionLogService } from '../flywheel/decision-log.service';
import type { DeviceGate } from './device-auth';
import { KioskBudget } from './kiosk-budget';

/** A decision is one customer at the kiosk: 30 a minute is a queue no kiosk has. */
export const DECISIONS_PER_KIOSK = { count: 30, windowMs: 60_000 };

type Options = { decisions: DecisionLogService; gate: DeviceGate };
/** Features (~6 KB) and a crop at its limit (~87 KB as base64) fit; the server's usual limit is smaller. */
const DECISION_BODY_LIMIT = 128 * 1024;

export const decisionRoutes: FastifyPluginAsyncTypebox<Options> = async (app, { decisions, gate }) => {
  const budget = new KioskBudget('camera decisions', DECISIONS_PER_KIOSK);
  app.post(
    '/api/vision/decisions',
    { onRequest: gate.kioskBefore, bodyLimit: DECISION_BODY_LIMIT, schema: { body: CameraDecisionRequest, response: { 201: Type.Object({ id: Type.String() }), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 429: ErrorResponse } } },
    async (request, reply) => {
      const kioskId = await gate.kiosk(request);
      budget.spend(kioskId, reply);
      return reply.code(201).send(await decisions.record({ ...request.body, kioskId }));
    },
  );

  app.post(
    '/api/vision/decisions/:id/override',
    { onRequest: gate.kioskBefore, bodyLimit: 1024, schema: { params: Type.Object({ id: Type.String({ format: 'uuid' }) }), body: DecisionOverrideRequest, response: { 204: Type.Null(), 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse } } },
    async (request, reply) => {
      await decisions.override(request.params.id, await gate.kiosk(request), request.body.override);
      return reply.code(204).send(null);
    },
  );
};
