/** The console's kiosks and devices (who is online, what the camera last decided) and the store's settings. */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AdminDevice, ErrorResponse, NewDeviceRequest, NewDeviceResponse, StoreSettings, StoreSettingsPatch } from '../../../contracts/http';
import type { KioskPresenceRepository } from '../../repositories/kiosk-presence.repository';
import { pairingLink } from '../../seed/demo-devices';
import { ADMIN_ROLES, type AdminAuthService } from '../../services/admin-auth.service';
import type { DeviceService } from '../../services/device.service';
import type { SettingsService } from '../../services/settings.service';
import { requireAdmin } from './admin-session';

type Options = { auth: AdminAuthService; devices: DeviceService; presence: KioskPresenceRepository; settings: SettingsService; storeId: string };
const OWNER = ['owner'] as const;

export const adminFleetRoutes: FastifyPluginAsyncTypebox<Options> = async (app, { auth, devices, presence, settings, storeId }) => {
  app.get('/api/admin/devices', { schema: { response: { 200: Type.Object({ devices: Type.Array(AdminDevice) }), 401: ErrorResponse } } }, async (request) => {
    await requireAdmin(auth, request, ADMIN_ROLES);
    const [registered, reported] = await Promise.all([devices.list(), presence.list(storeId)]);
    return {
      devices: registered
        .filter((device) => device.storeId === storeId)
        .map((device) => {
          const seen = reported.find((row) => row.kiosk_id === device.id);
          return {
            id: device.id,
            kind: device.kind,
            name: device.name,
            revoked: device.revoked,
            presence: seen
              ? { status: seen.status, statusAt: seen.status_at, lastGroup: seen.last_group, lastConfidence: seen.last_confidence, lastDecidedAt: seen.last_decided_at, modelVersion: seen.model_version }
              : null,
          };
        }),
    };
  });

  app.post('/api/admin/devices', { schema: { body: NewDeviceRequest, response: { 201: NewDeviceResponse, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse } } }, async (request, reply) => {
    await requireAdmin(auth, request, OWNER);
    const { device, credential } = await devices.register({ ...request.body, storeId });
    return reply.code(201).send({ id: device.id, credential, pairingLink: pairingLink(device.kind, credential) });
  });

  app.post('/api/admin/devices/:id/revoke', { schema: { params: Type.Object({ id: Type.String({ maxLength: 64 }) }), response: { 204: Type.Null(), 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse } } }, async (request, reply) => {
    await requireAdmin(auth, request, OWNER);
    const device = (await devices.list()).find((candidate) => candidate.id === request.params.id && candidate.storeId === storeId);
    if (device) await devices.revoke(device.id);
    return device ? reply.code(204).send(null) : reply.code(404).send({ error: 'not_found', message: `No device named ${request.params.id} in this store.` });
  });

  app.get('/api/admin/settings', { schema: { response: { 200: StoreSettings, 401: ErrorResponse } } }, async (request) => {
    await requireAdmin(auth, request, ADMIN_ROLES);
    return settings.get(storeId);
  });

  app.patch('/api/admin/settings', { schema: { body: StoreSettingsPatch, response: { 200: StoreSettings, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse } } }, async (request) => {
    await requireAdmin(auth, request, OWNER);
    return settings.update(storeId, request.body);
  });
};
