/**
 * The server and the registry: it serves the active group head, each version by its id, and tells the
 * kiosks (retained on `models/group-head/active`) when another process promotes or rolls back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listenToModelAnnouncements, type ModelAnnouncements } from '../test-support/model-announcements';
import { EMBEDDED_BROKER, startTestServer, type TestServer } from '../test-support/test-server';
import { ModelRegistryRepository } from './registry/model-registry.repository';
import { ModelRegistryService } from './registry/model-registry.service';
import { GROUP_HEAD } from './registry/model-version';
import { openFileStore } from './storage/open-file-store';
import { SHIPPED_HEAD_VERSION } from '../test-support/shipped-head';

let server: TestServer;
let kiosk: ModelAnnouncements;
const SHIPPED = SHIPPED_HEAD_VERSION;

beforeAll(async () => {
  // The embedded broker in every run (TEST_MQTT too): the kiosk listens on the server's own /mqtt.
  server = await startTestServer({ modelPollMs: 100, env: EMBEDDED_BROKER });
  kiosk = await listenToModelAnnouncements(server);
});
afterAll(async () => {
  await kiosk?.close();
  await server?.close();
});

const announced = (version: string) => kiosk.announced(GROUP_HEAD, version);

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
