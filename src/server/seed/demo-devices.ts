/**
 * `npm start` pairs a store's devices on first start, so the kitchen display, pickup board and
 * staff pager work from the first minute. Their links hold the credentials, so they go to a
 * file only the server's user can read, not to the log.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DeviceKind } from '../../iot/devices';
import type { DeviceService } from '../services/device.service';

/** The page each kind of device opens, with its credential after `#pair=`. */
export const DEVICE_PAGES: Record<DeviceKind, string> = {
  kiosk: '/',
  kitchen: '/devices/kitchen.html',
  pickup: '/devices/pickup.html',
  pager: '/devices/pager.html',
  camera: '/api/vision/decide',
};

export function pairingLink(kind: DeviceKind, credential: string): string {
  return `${DEVICE_PAGES[kind]}#pair=${encodeURIComponent(credential)}`;
}

export async function seedDemoDevices(devices: DeviceService, storeId: string, kioskId: string, dataDir: string): Promise<string | null> {
  if ((await devices.list()).length > 0) return null;
  const wanted: { id: string; kind: DeviceKind; name: string }[] = [
    { id: kioskId, kind: 'kiosk', name: '키오스크 1' },
    { id: `${storeId}-kitchen`, kind: 'kitchen', name: '주방 화면' },
    { id: `${storeId}-pickup`, kind: 'pickup', name: '픽업 안내판' },
    { id: `${storeId}-pager`, kind: 'pager', name: '직원 호출기' },
  ];
  const header = ['# Pairing links for this store\'s devices: open each on its device (after http://HOST:PORT).', '# Anyone with a link can act as that device; revoke with `npx kiosk device revoke ID`.'];
  const links: string[] = [];
  for (const { id, kind, name } of wanted) {
    try {
      const { credential } = await devices.register({ id, storeId, kind, name });
      links.push(`${kind.padEnd(8)} ${id.padEnd(20)} ${pairingLink(kind, credential)}`);
    } catch (error) {
      // Servers sharing one database started together: the other one pairs the devices and writes the links.
      if (links.length === 0 && (await devices.list()).length > 0) return null;
      throw error;
    }
  }
  const file = path.join(dataDir, 'device-links.txt');
  await fs.writeFile(file, `${[...header, ...links].join('\n')}\n`, { mode: 0o600 });
  return file;
}
