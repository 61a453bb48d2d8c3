/** `kiosk device add | list | revoke`: each kiosk and store device gets its own credential. */
import type { Command } from 'commander';
import { loadConfig } from '../config/config';
import { DEVICE_KINDS, type DeviceKind } from '../iot/devices';
import { DeviceRepository } from '../server/repositories/device.repository';
import { pairingLink } from '../server/seed/demo-devices';
import { DeviceService } from '../server/services/device.service';
import { openStore } from '../server/store';

async function withDevices<T>(work: (devices: DeviceService) => Promise<T>): Promise<T> {
  const { db } = await openStore(loadConfig());
  try {
    return await work(new DeviceService(new DeviceRepository(db)));
  } finally {
    await db.destroy();
  }
}

export function registerDeviceCommands(program: Command): void {
  const device = program.command('device').description("the store's kiosks, kitchen displays, pickup boards, pagers and cameras");

  device
    .command('add')
    .description('register a device and print its credential and pairing link (shown once)')
    .requiredOption('--kind <kind>', DEVICE_KINDS.join(' | '))
    .requiredOption('--id <id>', 'its name in topics and logs, e.g. kitchen-2 (letters, digits, - and _)')
    .option('--store <id>', 'its store (default: STORE_ID)')
    .option('--name <text>', 'a name staff recognise, e.g. "2층 주방"')
    .option('--kiosk <id>', 'for a camera: the kiosk it watches (it reports decisions for that kiosk only)')
    .action(async (options: { kind: string; id: string; store?: string; name?: string; kiosk?: string }) => {
      if (!DEVICE_KINDS.includes(options.kind as DeviceKind)) throw new Error(`--kind must be one of ${DEVICE_KINDS.join(', ')}, not "${options.kind}".`);
      const kind = options.kind as DeviceKind;
      const { device: added, credential } = await withDevices((devices) =>
        devices.register({ id: options.id, storeId: options.store ?? loadConfig().storeId, kind, ...(options.name ? { name: options.name } : {}), ...(options.kiosk ? { kioskId: options.kiosk } : {}) }),
      );
      console.log(`Registered ${added.kind} ${added.id} in store ${added.storeId}.`);
      console.log(`MQTT username: ${added.id}\nMQTT password and API bearer token: ${credential}`);
      console.log(`Pairing link (after http://HOST:PORT): ${pairingLink(kind, credential)}`);
    });

  device
    .command('list')
    .description('list registered devices')
    .option('--json', 'print JSON', false)
    .action(async (options: { json: boolean }) => {
      const devices = await withDevices((registry) => registry.list());
      if (options.json) console.log(JSON.stringify(devices));
      else for (const entry of devices) console.log(`${entry.storeId}\t${entry.kind}\t${entry.id}\t${entry.name}${entry.revoked ? '\t(revoked)' : ''}`);
    });

  device
    .command('revoke')
    .description('revoke a device credential: the API refuses it at once, the broker at its next sign-in (the console also closes its open connections)')
    .argument('<id>')
    .action(async (id: string) => {
      await withDevices((devices) => devices.revoke(id));
      console.log(`Revoked ${id}: it can no longer sign in.`);
    });
}
