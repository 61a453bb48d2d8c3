/** Starts the server and stops it cleanly on SIGINT/SIGTERM, so no order is cut off mid-write. */
import path from 'node:path';
import type { Config } from '../config/config';
import { buildApp } from './app';
import { seedDemoDevices } from './seed/demo-devices';

export async function startServer(config: Config): Promise<{ url: string; deviceLinks: string; close: () => Promise<void> }> {
  const { app, devices } = await buildApp({ config, logger: true });
  await seedDemoDevices(devices, config.storeId, config.kioskId, config.dataDir);
  const address = await app.listen({ port: config.port, host: config.host });
  const close = () => app.close();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void close().then(() => process.exit(0));
    });
  }
  return { url: address, deviceLinks: path.join(config.dataDir, 'device-links.txt'), close };
}
