/**
 * Store devices (kitchen display, pickup board, pager) call the API with their own credential
 * as a bearer token; each route names the kinds of device it serves.
 */
import type { FastifyRequest } from 'fastify';
import type { Device, DeviceKind } from '../../iot/devices';
import { AppError } from '../errors';
import type { DeviceService } from '../services/device.service';

export async function requireDevice(devices: DeviceService, request: FastifyRequest, kinds: readonly DeviceKind[]): Promise<Device> {
  const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
  const device = match ? await devices.authenticate(match[1]!) : null;
  if (!device) throw new AppError(401, 'unauthenticated', 'This needs a device credential (Authorization: Bearer <credential>), and it was missing, unknown or revoked.');
  if (!kinds.includes(device.kind)) throw new AppError(403, 'forbidden', `A ${device.kind} device may not do this.`);
  return device;
}
