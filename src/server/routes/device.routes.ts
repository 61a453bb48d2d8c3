import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DeviceSessionResponse, ErrorResponse } from '../../contracts/http';
import { DEVICE_KINDS } from '../../iot/devices';
import type { DeviceGate } from './device-auth';

/** A paired device page asks who it is and where the broker is, then subscribes. */
export const deviceRoutes: FastifyPluginAsyncTypebox<{ gate: DeviceGate; brokerWebSocketUrl: string | null }> = async (app, { gate, brokerWebSocketUrl }) => {
  app.get('/api/devices/me', { schema: { response: { 200: DeviceSessionResponse, 401: ErrorResponse } } }, async (request) => ({
    device: await gate.require(request, DEVICE_KINDS),
    brokerWebSocketUrl,
  }));
};
