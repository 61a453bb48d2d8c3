/**
 * Store devices (kiosks, kitchen display, pickup board, pager, camera) call the API with their own
 * credential as a bearer token. This server serves one store: a device of another store is
 * refused like an unknown one, and each route names the kinds of device it serves.
 *
 * A kiosk that orders is named by its credential, never by what it says about itself. Only the
 * server's own kiosk (a browser on this machine) may go without one, unless the config refuses that too.
 */
import type { FastifyRequest } from 'fastify';
import type { Device, DeviceKind } from '../../iot/devices';
import type { Config } from '../../config/config';
import { AppError } from '../errors';
import type { DeviceService } from '../services/device.service';

const KIOSKS = ['kiosk'] as const;

export class DeviceGate {
  /** Each request's device, looked up once: routes check in `onRequest` (before the body is read) and again in the handler. */
  private readonly devicesOf = new WeakMap<FastifyRequest, Promise<Device | null>>();

  constructor(
    private readonly devices: DeviceService,
    private readonly config: Pick<Config, 'storeId' | 'kioskId' | 'unpairedKiosk'>,
  ) {}

  async require(request: FastifyRequest, kinds: readonly DeviceKind[]): Promise<Device> {
    const device = await this.credentialed(request);
    if (!device) {
      throw new AppError(401, 'unauthenticated', "This needs a credential of one of this store's devices (Authorization: Bearer <credential>); it was missing, unknown, revoked or another store's.");
    }
    if (!kinds.includes(device.kind)) throw new AppError(403, 'forbidden', `A ${device.kind} device may not do this.`);
    return device;
  }

  /**
   * The id of the kiosk calling. A credential that is sent must be a kiosk's (401 unknown or revoked,
   * 403 another kind); without one, only the server's own screen passes, else `pairing_required`.
   */
  async kiosk(request: FastifyRequest): Promise<string> {
    return this.deviceOrOwnScreen(request, KIOSKS);
  }

  /** As `kiosk`, for any of `kinds`: the calling device's id, or `KIOSK_ID` for the server's own screen. */
  async deviceOrOwnScreen(request: FastifyRequest, kinds: readonly DeviceKind[]): Promise<string> {
    if (request.headers.authorization !== undefined) return (await this.require(request, kinds)).id;
    if (this.isOwnScreen(request)) return this.config.kioskId;
    throw new AppError(
      401,
      'pairing_required',
      "This kiosk is not paired: only the server's own screen may order without a kiosk credential. Pair it in the console (기기 · Devices) and open its link on this kiosk.",
    );
  }

  /** As `kiosk`, but null for a browser that may not order (the kiosk then asks to be paired). */
  async kioskOrNull(request: FastifyRequest): Promise<string | null> {
    if (request.headers.authorization === undefined) return this.isOwnScreen(request) ? this.config.kioskId : null;
    const device = await this.credentialed(request);
    return device?.kind === 'kiosk' ? device.id : null;
  }

  /** A browser on this machine (behind a proxy, `request.ip` is the client's only when TRUST_PROXY names that proxy). */
  private isOwnScreen(request: FastifyRequest): boolean {
    return this.config.unpairedKiosk === 'local' && (request.ip === '::1' || /^(::ffff:)?127\./.test(request.ip));
  }

  /** An `onRequest` hook: a caller that is not one of `kinds` is refused before its body is read. */
  before(kinds: readonly DeviceKind[]): (request: FastifyRequest) => Promise<void> {
    return async (request) => void (await this.require(request, kinds));
  }

  /** An `onRequest` hook: only a kiosk (or the server's own screen) gets as far as sending a body. */
  readonly kioskBefore = async (request: FastifyRequest): Promise<void> => void (await this.kiosk(request));

  /** The device whose valid credential of this store the request carries; null for none or a bad one. */
  private credentialed(request: FastifyRequest): Promise<Device | null> {
    let device = this.devicesOf.get(request);
    if (!device) this.devicesOf.set(request, (device = this.lookUp(request)));
    return device;
  }

  private async lookUp(request: FastifyRequest): Promise<Device | null> {
    const match = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
    const device = match ? await this.devices.authenticate(match[1]!) : null;
    return device && device.storeId === this.config.storeId ? device : null;
  }
}
