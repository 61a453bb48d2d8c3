/**
 * The fleet's register: every kiosk and store device gets its own credential, checked by the
 * broker and the API alike, and revocable one device at a time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DEVICE_KINDS, splitCredential, type Device, type DeviceKind } from '../../iot/devices';
import { isTopicId } from '../../iot/topics';
import { AppError } from '../errors';
import type { DeviceRepository, DeviceRow } from '../repositories/device.repository';

/** A camera names the kiosk it watches (`kioskId`); other kinds name none. */
export type NewDevice = { id: string; storeId: string; kind: DeviceKind; name?: string; kioskId?: string };

export class DeviceService {
  constructor(
    private readonly devices: DeviceRepository,
    private readonly now: () => Date = () => new Date(),
    /** Told of each revocation, so open connections can be ended at once. */
    private readonly onRevoked: (deviceId: string) => void = () => undefined,
  ) {}

  /** Registers a device and returns its credential; only its hash is stored, so it is shown once. */
  async register({ id, storeId, kind, name, kioskId }: NewDevice): Promise<{ device: Device; credential: string }> {
    if (!isTopicId(id) || !isTopicId(storeId)) {
      throw new AppError(400, 'invalid_device', 'Device and store ids are 1–64 letters, digits, "-" or "_".');
    }
    if (!DEVICE_KINDS.includes(kind)) throw new AppError(400, 'invalid_device', `A device is one of: ${DEVICE_KINDS.join(', ')}.`);
    if (kind === 'camera' && (kioskId === undefined || !isTopicId(kioskId))) {
      throw new AppError(400, 'invalid_device', 'A camera reports for one kiosk: name its kiosk id (1–64 letters, digits, "-" or "_").');
    }
    if (kind !== 'camera' && kioskId !== undefined) throw new AppError(400, 'invalid_device', 'Only a camera watches a kiosk.');
    if (await this.devices.findById(id)) throw new AppError(409, 'device_exists', `A device named ${id} is already registered.`);
    const secret = randomBytes(24).toString('base64url');
    const device: Device = { id, storeId, kind, name: name ?? id, ...(kioskId !== undefined ? { kioskId } : {}) };
    await this.devices.insert({ id, store_id: storeId, kind, name: device.name, secret_hash: hash(secret), created_at: this.now().toISOString(), revoked_at: null, kiosk_id: kioskId ?? null });
    return { device, credential: `${id}.${secret}` };
  }

  /** The device a credential belongs to, or null when it is unknown, wrong or revoked. */
  async authenticate(credential: string): Promise<Device | null> {
    const parts = splitCredential(credential);
    if (!parts) return null;
    const row = await this.devices.findById(parts.deviceId);
    if (!row || row.revoked_at !== null) return null;
    const expected = Buffer.from(row.secret_hash, 'hex');
    const given = Buffer.from(hash(parts.secret), 'hex');
    return timingSafeEqual(expected, given) ? toDevice(row) : null;
  }

  async list(): Promise<(Device & { revoked: boolean })[]> {
    return (await this.devices.list()).map((row) => ({ ...toDevice(row), revoked: row.revoked_at !== null }));
  }

  async revoke(id: string): Promise<void> {
    if (!(await this.devices.revoke(id, this.now().toISOString()))) throw new AppError(404, 'not_found', `No active device named ${id}.`);
    this.onRevoked(id);
  }
}

function hash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function toDevice(row: DeviceRow): Device {
  return { id: row.id, storeId: row.store_id, kind: row.kind as DeviceKind, name: row.name, ...(row.kiosk_id !== null ? { kioskId: row.kiosk_id } : {}) };
}
