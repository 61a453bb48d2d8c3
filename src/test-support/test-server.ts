/** A real server on a real SQLite file in a fresh temp folder, listening on a free port. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../config/config';
import { buildApp, type App, type AppOptions } from '../server/app';

export type TestServer = App & { url: string; config: Config; close: () => Promise<void> };

export async function startTestServer(options: Omit<AppOptions, 'config'> & { env?: NodeJS.ProcessEnv } = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-test-'));
  // MQTT_PORT 0: each test server's embedded broker on a free port.
  const config = loadConfig({ DATA_DIR: dataDir, MQTT_PORT: '0', ...options.env });
  const built = await buildApp({ ...options, config });
  const url = await built.app.listen({ port: 0, host: '127.0.0.1' });
  return {
    ...built,
    url,
    config,
    close: async () => {
      await built.app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
