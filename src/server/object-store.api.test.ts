import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MenuResponse } from '../contracts/http';
import { startS3Server, type S3Server } from '../test-support/s3-server';
import { startTestServer, type TestServer } from '../test-support/test-server';

let s3: S3Server;
let server: TestServer;

beforeAll(async () => {
  s3 = await startS3Server();
  // The SDK reads region and credentials from the process's environment, as it would in production.
  for (const [name, value] of Object.entries(s3.env)) vi.stubEnv(name, value);
  server = await startTestServer({ env: { OBJECT_STORE: `s3://${s3.bucket}/store-1`, ...s3.env } });
});
afterAll(async () => {
  await server.close();
  vi.unstubAllEnvs();
  await s3.stop();
});

describe('OBJECT_STORE=s3://…', () => {
  it('serves the seeded demo pictures from the bucket and keeps none on the server disk', async () => {
    const menu = (await (await fetch(`${server.url}/api/menu`)).json()) as MenuResponse;
    const stew = menu.items.find((item) => item.id === 'kimchi-stew');
    const picture = await fetch(`${server.url}${stew?.imageUrl}`);
    expect(picture.headers.get('content-type')).toBe('image/svg+xml');
    expect(await picture.text()).toContain('<svg');

    expect(await s3.keys()).toContain('store-1/menu/kimchi-stew.svg');
    const onDisk = fs.readdirSync(server.config.dataDir, { recursive: true, encoding: 'utf8' });
    expect(onDisk.filter((file) => file.endsWith('.svg'))).toEqual([]);
  });

  it('answers 404 for a picture the bucket does not have', async () => {
    expect((await fetch(`${server.url}/media/menu/nothing.svg`)).status).toBe(404);
  });
});
