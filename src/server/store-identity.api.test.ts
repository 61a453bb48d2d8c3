/** One database, one store (issue 24): a server of another store refuses to start on a database already claimed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { buildApp } from './app';
import { StartupError } from './opened-resources';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('a database', { timeout: 60_000 }, () => {
  it("belongs to the first store that opened it: another store's server refuses to start, and changes nothing", async () => {
    const menuBefore = await server.db.selectFrom('menu_items').selectAll().execute();
    await expect(buildApp({ config: { ...server.config, storeId: 'store-2' } })).rejects.toThrow(StartupError);
    await expect(buildApp({ config: { ...server.config, storeId: 'store-2' } })).rejects.toThrow(/belongs to store store-1, not STORE_ID=store-2/);
    expect(await server.db.selectFrom('store_identity').select('store_id').execute()).toEqual([{ store_id: 'store-1' }]);
    expect(await server.db.selectFrom('menu_items').selectAll().execute()).toEqual(menuBefore);
  });

  it('opens again for its own store', async () => {
    await server.restart();
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
