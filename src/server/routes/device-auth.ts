/**
 * Store devices (kitchen display, pickup board, pager, camera) call the API with their own
 * credential as a bearer token. This server serves one store: a device of another store is
 * refused like an unknown one, and each route names the kinds of device it serves.
 */
import type { FastifyRequest } from 'fastify';
import type { Device, DeviceKind } from '../../iot/devices';
import { AppError } from '../errors';
import type { DeviceService } from '../services/device.service';

export class DeviceGate {
  constructor(
    private readonly devices: DeviceService,
    private readonly storeId: string,
  ) {}

  /** The calling device when the request carries a credential (checked as `require` does); null when it carries none. */
  async optional(request: FastifyRequest, kinds: readonly DeviceKind[]): Promise<Device | null> {
    return request.headers.authorization === undefined ? null : this.require(request, kinds);
  }

  async require(request: FastifyRequest, kinds: readonly DeviceKind[]): Promise<Device> {
    const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
    const device = match ? await this.devices.authenticate(match[1]!) : null;
    if (!device || device.storeId !== this.storeId) {
      throw new AppError(401, 'unauthenticated', "This needs a credential of one of this store's devices (Authorization: Bearer <credential>); it was missing, unknown, revoked or another store's.");
    }
    if (!kinds.includes(device.kind)) throw new AppError(403, 'forbidden', `A ${device.kind} device may not do this.`);
    return device;
  }
}
