import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startS3Server, type S3Server } from '../../test-support/s3-server';
import type { FileStore } from './file-store';
import { getVersion, putVersion } from './file-versions';
import { LocalFileStore } from './local-file-store';
import { S3FileStore } from './s3-file-store';

let s3: S3Server;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-versions-'));
const stores: Record<string, () => FileStore> = {
  'local disk': () => new LocalFileStore(dataDir),
  's3rver': () => S3FileStore.fromUrl(`s3://${s3.bucket}`, s3.env.AWS_ENDPOINT_URL_S3),
};

beforeAll(async () => {
  s3 = await startS3Server();
  for (const [name, value] of Object.entries(s3.env)) vi.stubEnv(name, value);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await s3.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.each(Object.keys(stores))('model versions on %s', (name) => {
  const first = Buffer.from('{"format":"neulbom-group-head@1","version":"1"}');
  const second = Buffer.from('{"format":"neulbom-group-head@1","version":"2"}');

  it('keeps every version readable after a newer one is put', async () => {
    const files = stores[name]!();
    const v1 = await putVersion(files, 'models/group-head/model.json', first, 'application/json');
    const v2 = await putVersion(files, 'models/group-head/model.json', second, 'application/json');
    expect(v2.versionId).not.toBe(v1.versionId);
    expect(await getVersion(files, 'models/group-head/model.json', v1.versionId)).toEqual({ data: first, contentType: 'application/json' });
    expect(await getVersion(files, 'models/group-head/model.json', v2.versionId)).toEqual({ data: second, contentType: 'application/json' });
    expect(await files.has(`models/group-head/${v1.versionId}/model.json`)).toBe(true);
  });

  it('names a version by its content: the same bytes are the same version', async () => {
    const files = stores[name]!();
    const again = await putVersion(files, 'models/group-head/model.json', first, 'application/json');
    expect(again).toEqual(await putVersion(files, 'models/group-head/model.json', first, 'application/json'));
    expect(await getVersion(files, 'models/group-head/model.json', '0'.repeat(32))).toBeNull();
  });

  it('refuses version ids and keys that could reach other files', async () => {
    const files = stores[name]!();
    await expect(getVersion(files, 'models/group-head/model.json', '../../menu')).rejects.toThrow(/Invalid version id/);
    await expect(putVersion(files, '../model.json', first, 'application/json')).rejects.toThrow(/Invalid file key/);
  });
});
