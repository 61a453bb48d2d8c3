/** Starts the server and stops it cleanly on SIGINT/SIGTERM, so no order is cut off mid-write. */
import path from 'node:path';
import type { Config } from '../config/config';
import { buildApp } from './app';
import { DemoOrderRepository } from './repositories/demo-order.repository';
import { MenuRepository } from './repositories/menu.repository';
import { seedDemoDevices } from './seed/demo-devices';
import { seedVirtualPrinter } from './seed/demo-printer';
import { seedHistoryOnFirstStart } from './seed/seed-demo-orders';
import { MenuService } from './services/menu.service';

export async function startServer(config: Config): Promise<{ url: string; deviceLinks: string; close: () => Promise<void> }> {
  const { app, db, devices, printing } = await buildApp({ config, logger: true });
  let address: string;
  try {
    await seedDemoDevices(devices, config.storeId, config.kioskId, config.dataDir);
    if (await seedVirtualPrinter(printing)) app.log.info('First start: a virtual printer draws each ticket under DATA_DIR/printouts and in the console (Printers).');
    if (config.demoHistory) {
      const menu = await new MenuService(new MenuRepository(db)).getMenu();
      const seeded = await seedHistoryOnFirstStart(new DemoOrderRepository(db), menu, config);
      if (seeded > 0) app.log.info(`First start: ${seeded} generated demo orders over 60 days, for suggestions and analytics (DEMO_HISTORY=off to skip).`);
    }
    address = await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    // The database, broker and pools are open by now: close them, or the process would hang on them.
    await app.close();
    throw error;
  }
  const close = () => app.close();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void close().then(() => process.exit(0));
    });
  }
  return { url: address, deviceLinks: path.join(config.dataDir, 'device-links.txt'), close };
}
