/**
 * A real server on a fresh database (SQLite in a temp folder, or PostgreSQL with
 * TEST_DATABASE=postgres), listening on a free port. Its broker is the embedded one, or a throwaway
 * mosquitto with TEST_MQTT=mosquitto.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../config/config';
import { buildApp, type App, type AppOptions } from '../server/app';
import { startMosquitto } from './mosquitto';
import { freshTestDatabase } from './test-database';

export type TestServer = App & {
  url: string;
  config: Config;
  close: () => Promise<void>;
  /** The server goes away (as in an outage) but keeps its database and data folder. */
  stop: () => Promise<void>;
  /** A new server on the same database, data folder and port; `app`, `db` and `devices` are then its own. */
  restart: () => Promise<void>;
};

/**
 * For tests of the embedded broker itself (device sign-in, store ACLs, WebSocket `/mqtt`): they run
 * on it whatever TEST_MQTT says. Debian's mosquitto has no WebSocket listener, and ours lets anyone in.
 */
export const EMBEDDED_BROKER: NodeJS.ProcessEnv = { MQTT_URL: '' };

export async function startTestServer(options: Omit<AppOptions, 'config'> & { env?: NodeJS.ProcessEnv } = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-test-'));
  const database = await freshTestDatabase();
  const mosquitto = testBroker() === 'mosquitto' && options.env?.MQTT_URL === undefined ? await startMosquitto() : null;
  const cleanUp = async () => {
    await database.drop();
    await mosquitto?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // MQTT_PORT 0: each test server's embedded broker on a free port. Always open (equal times),
    // so tests do not depend on the hour they run at; the opening-hours test sets its own.
    const config = loadConfig({ DATA_DIR: dataDir, MQTT_PORT: '0', OPERATING_HOURS: '00:00-00:00', ...database.env, ...(mosquitto ? { MQTT_URL: mosquitto.url } : {}), ...options.env });
    const built = await buildApp({ ...options, config });
    const url = await built.app.listen({ port: 0, host: '127.0.0.1' });
    let running = true;
    const server: TestServer = {
      ...built,
      url,
      config,
      stop: async () => {
        if (running) await server.app.close();
        running = false;
      },
      restart: async () => {
        await server.stop();
        Object.assign(server, await buildApp({ ...options, config }));
        await server.app.listen({ port: Number(new URL(url).port), host: '127.0.0.1' });
        running = true;
      },
      close: async () => {
        await server.stop();
        await cleanUp();
      },
    };
    return server;
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

function testBroker(): 'embedded' | 'mosquitto' {
  const broker = process.env.TEST_MQTT ?? 'embedded';
  if (broker !== 'embedded' && broker !== 'mosquitto') throw new Error(`TEST_MQTT must be embedded or mosquitto, not "${broker}".`);
  return broker;
}
