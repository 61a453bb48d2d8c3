/**
 * Training faces are private (issue 24): imports store them under the file store's private folder,
 * and images an earlier version stored publicly (`samples/…`) are moved there at start.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { sampleImageKey } from './datasets/sample-image-key';
import { isPublicKey } from './storage/file-store';
import { openFileStore } from './storage/open-file-store';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const FACE = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
const ID = '0b2c5d9e-1f3a-5b4c-8d6e-7f8091a2b3c4';

describe('training face images', () => {
  it('are stored by imports where /media does not serve them', () => {
    for (const extension of ['.jpg', '.jpeg', '.png']) expect(isPublicKey(sampleImageKey(ID, extension))).toBe(false);
  });

  it('stored publicly by an earlier version are moved to private storage at start', { timeout: 60_000 }, async () => {
    const files = await openFileStore(server.config);
    await files.put(`samples/${ID}.jpg`, FACE, 'image/jpeg');
    await server.db
      .insertInto('face_samples')
      .values({ id: ID, source: 'import', decision_id: null, dataset: 'aaf', file: 'face.jpg', group: 'senior_female', age: 70, gender: 'female', label_source: 'dataset', features: 'AAAA', image_key: `samples/${ID}.jpg`, created_at: new Date().toISOString() })
      .execute();
    expect((await fetch(`${server.url}/media/samples/${ID}.jpg`)).status).toBe(200);

    await server.restart();
    expect((await fetch(`${server.url}/media/samples/${ID}.jpg`)).status).toBe(404);
    expect((await fetch(`${server.url}/media/private/samples/${ID}.jpg`)).status).toBe(404);
    const row = await server.db.selectFrom('face_samples').select('image_key').where('id', '=', ID).executeTakeFirstOrThrow();
    expect(row.image_key).toBe(`private/samples/${ID}.jpg`);
    expect((await files.get(row.image_key!))?.data.equals(FACE)).toBe(true);
    expect(await files.get(`samples/${ID}.jpg`)).toBeNull();
  });
});
