/**
 * The server and the registry: it serves the active group head, each version by its id, and tells the
 * kiosks (retained on `models/group-head/active`) when another process promotes or rolls back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ModelActiveMessage, parseMessage } from '../iot/messages';
import { listen, type Listener } from '../test-support/mqtt-listener';
import { EMBEDDED_BROKER, startTestServer, type TestServer } from '../test-support/test-server';
import { DeviceRepository } from './repositories/device.repository';
import { ModelRegistryRepository } from './registry/model-registry.repository';
import { ModelRegistryService } from './registry/model-registry.service';
import { GROUP_HEAD } from './registry/model-version';
import { DeviceService } from './services/device.service';
import { openFileStore } from './storage/open-file-store';
import { SHIPPED_HEAD_VERSION } from '../test-support/shipped-head';

let server: TestServer;
let kiosk: Listener;
const SHIPPED = SHIPPED_HEAD_VERSION;

beforeAll(async () => {
  // The embedded broker in every run (TEST_MQTT too): the kiosk listens on the server's own /mqtt.
  server = await startTestServer({ modelPollMs: 100, env: EMBEDDED_BROKER });
  const { credential } = await new DeviceService(new DeviceRepository(server.db)).register({ id: 'kiosk-1', storeId: server.config.storeId, kind: 'kiosk' });
  kiosk = await listen(`${server.url.replace('http', 'ws')}/mqtt`, { username: 'kiosk-1', password: credential });
  await kiosk.client.subscribeAsync('models/+/active');
});
afterAll(async () => {
  await kiosk?.close();
  await server?.close();
});

const announced = async (version: string) =>
  parseMessage(ModelActiveMessage, (await kiosk.next((message) => message.topic === 'models/group-head/active' && message.payload.includes(`"${version}"`))).payload);

describe('the model registry on the server', () => {
  it('serves the shipped head as the active version, uncached, and announces it retained', async () => {
    const response = await fetch(`${server.url}/models/group-head/model.json`);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(((await response.json()) as { version: string }).version).toBe(SHIPPED);
    expect(await announced(SHIPPED)).toMatchObject({ model: 'group-head', version: SHIPPED, url: `/models/group-head/versions/${SHIPPED}/model.json` });
  });

  it('announces and serves a version promoted by another process, and the previous one after a rollback', async () => {
    // A second registry on the same database and files, as `kiosk model promote` opens it.
    const other = new ModelRegistryService(new ModelRegistryRepository(server.db), await openFileStore(server.config));
    const shipped = (await other.active(GROUP_HEAD))!;
    const artifact = JSON.parse((await other.artifact(GROUP_HEAD, SHIPPED)).toString()) as Record<string, unknown>;
    await other.registerCandidate({
      model: GROUP_HEAD,
      version: 'next',
      artifact: Buffer.from(JSON.stringify({ ...artifact, version: 'next' })),
      metrics: shipped.metrics,
      params: {},
      curve: null,
      lineage: shipped.lineage,
    });
    await other.promote(GROUP_HEAD, 'next');
    const message = await announced('next');
    const versioned = await fetch(`${server.url}${message.url}`);
    expect(versioned.headers.get('cache-control')).toContain('immutable');
    expect(((await versioned.json()) as { version: string }).version).toBe('next');
    expect(((await (await fetch(`${server.url}/models/group-head/model.json`)).json()) as { version: string }).version).toBe('next');

    kiosk.received.length = 0;
    await other.rollback(GROUP_HEAD);
    await announced(SHIPPED);
    expect((await fetch(`${server.url}/models/group-head/versions/unknown/model.json`)).status).toBe(404);
  });
});
