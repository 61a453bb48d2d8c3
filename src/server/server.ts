/** Starts the server and stops it cleanly on SIGINT/SIGTERM, so no order is cut off mid-write. */
import type { Config } from '../config/config';
import { buildApp } from './app';

export async function startServer(config: Config): Promise<{ url: string; close: () => Promise<void> }> {
  const { app } = await buildApp({ config, logger: true });
  const address = await app.listen({ port: config.port, host: config.host });
  const close = () => app.close();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void close().then(() => process.exit(0));
    });
  }
  return { url: address, close };
}
