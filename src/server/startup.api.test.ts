/** A start that fails halfway closes what it had opened (database, broker, timers) and says why. */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config';
import { freshTestDatabase, type TestDatabase } from '../test-support/test-database';
import { buildApp } from './app';
import { StartupError } from './opened-resources';

/** Files this process has open under a folder (Linux): a SQLite database left open shows here. */
function openFilesUnder(folder: string): string[] {
  return fs
    .readdirSync('/proc/self/fd')
    .map((fd) => {
      try {
        return fs.readlinkSync(path.join('/proc/self/fd', fd));
      } catch {
        return '';
      }
    })
    .filter((target) => target.startsWith(folder));
}

/** Handles and timers keeping the process alive, by kind ("TCPServerWrap", "Timeout", …). */
function countByType(resources: string[]): Record<string, number> {
  return resources.reduce<Record<string, number>>((counts, type) => ({ ...counts, [type]: (counts[type] ?? 0) + 1 }), {});
}

describe('a start that fails halfway', () => {
  let database: TestDatabase;
  let dataDir: string;
  let taken: net.Server;

  beforeAll(async () => {
    database = await freshTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-startup-'));
    taken = net.createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => taken.close(resolve));
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('closes the database and the broker when the broker port is taken, and names the setting to change', async () => {
    const port = (taken.address() as net.AddressInfo).port;
    const config = loadConfig({ DATA_DIR: dataDir, HOST: '127.0.0.1', MQTT_URL: '', MQTT_PORT: String(port), ...database.env });
    const resourcesBefore = countByType(process.getActiveResourcesInfo());

    const failure = await buildApp({ config }).then(
      () => null,
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(StartupError);
    expect((failure as Error).message).toMatch(new RegExp(`MQTT broker could not listen on 127\\.0\\.0\\.1:${port} \\(the port is already in use\\).*MQTT_PORT`));
    // The database was migrated (so it was open) and is closed again; no socket, pool or timer more than before.
    expect(fs.readdirSync(dataDir).length).toBeGreaterThan(0);
    expect(openFilesUnder(dataDir)).toEqual([]);
    // Sockets finish closing a moment after their close resolves; a leak stays.
    const extraResources = () =>
      Object.entries(countByType(process.getActiveResourcesInfo())).filter(([type, count]) => count > (resourcesBefore[type] ?? 0)).map(([type]) => type);
    await expect.poll(extraResources, { timeout: 2000 }).toEqual([]);
  });
});
