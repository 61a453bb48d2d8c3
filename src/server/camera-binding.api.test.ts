/**
 * Camera devices are bound to their kiosk (issue 24): a camera reports decisions for the kiosk it
 * was registered with, and no other, existing or not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleSession } from '../test-support/console-session';
import { startTestServer, type TestServer } from '../test-support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** Not a whole JPEG: the binding is checked before any frame is read. */
const FRAME = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]);
const decide = (credential: string, query: string) =>
  fetch(`${server.url}/api/vision/decide${query}`, { method: 'POST', headers: { authorization: `Bearer ${credential}`, 'content-type': 'image/jpeg' }, body: FRAME });

describe('camera devices', () => {
  it('must name their kiosk when registered, from the CLI service and the console alike', async () => {
    await expect(server.devices.register({ id: 'camera-loose', storeId: 'store-1', kind: 'camera' })).rejects.toMatchObject({ statusCode: 400 });
    await expect(server.devices.register({ id: 'kitchen-watching', storeId: 'store-1', kind: 'kitchen', kioskId: 'kiosk-1' })).rejects.toMatchObject({ statusCode: 400 });
    const owner = await consoleSession(server, 'owner');
    expect((await owner('POST', '/api/admin/devices', { id: 'camera-console', kind: 'camera' })).status).toBe(400);
    expect((await owner('POST', '/api/admin/devices', { id: 'camera-console', kind: 'camera', kioskId: 'kiosk-1' })).status).toBe(201);
  });

  it('report for their own kiosk only: another (or one that does not exist) is refused and leaves no trace', async () => {
    const { credential } = await server.devices.register({ id: 'camera-door', storeId: 'store-1', kind: 'camera', kioskId: 'kiosk-1' });
    const refused = await decide(credential, '?kiosk=kiosk-ghost');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toBe('not_this_cameras_kiosk');
    expect(await server.db.selectFrom('camera_decisions').select('id').where('kiosk_id', '=', 'kiosk-ghost').execute()).toEqual([]);
    // Its own kiosk, named or not, gets as far as reading the frame.
    for (const query of ['?kiosk=kiosk-1', '']) expect((await decide(credential, query)).status, query).toBe(400);
  });

  it('registered before cameras had kiosks are refused until registered again', async () => {
    const { credential } = await server.devices.register({ id: 'camera-old', storeId: 'store-1', kind: 'camera', kioskId: 'kiosk-1' });
    await server.db.updateTable('devices').set({ kiosk_id: null }).where('id', '=', 'camera-old').execute();
    const refused = await decide(credential, '?kiosk=kiosk-1');
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toBe('camera_not_bound');
  });
});
