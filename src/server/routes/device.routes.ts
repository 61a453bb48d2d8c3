import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DeviceSessionResponse, ErrorResponse } from '../../contracts/http';
import { DEVICE_KINDS } from '../../iot/devices';
import type { DeviceService } from '../services/device.service';
import { requireDevice } from './device-auth';

/** A paired device page asks who it is and where the broker is, then subscribes. */
export const deviceRoutes: FastifyPluginAsyncTypebox<{ devices: DeviceService; brokerWebSocketUrl: string | null }> = async (app, { devices, brokerWebSocketUrl }) => {
  app.get('/api/devices/me', { schema: { response: { 200: DeviceSessionResponse, 401: ErrorResponse } } }, async (request) => ({
    device: await requireDevice(devices, request, DEVICE_KINDS),
    brokerWebSocketUrl,
  }));
};
