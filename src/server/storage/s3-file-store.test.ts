import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startS3Server, type S3Server } from '../../test-support/s3-server';
import { S3FileStore } from './s3-file-store';

let s3: S3Server;
let files: S3FileStore;

beforeAll(async () => {
  s3 = await startS3Server();
  // Region and credentials as in production: the SDK reads the standard variables itself.
  for (const [name, value] of Object.entries(s3.env)) vi.stubEnv(name, value);
  files = S3FileStore.fromUrl(`s3://${s3.bucket}/kiosk/store-1`, s3.env.AWS_ENDPOINT_URL_S3);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await s3.stop();
});

describe('S3FileStore on s3rver', () => {
  it('puts, gets and has a file, with its content type, under the prefix', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>');
    await files.put('menu/kimchi-stew.svg', svg, 'image/svg+xml');
    expect(await files.has('menu/kimchi-stew.svg')).toBe(true);
    expect(await files.get('menu/kimchi-stew.svg')).toEqual({ data: svg, contentType: 'image/svg+xml' });
    expect(await s3.keys()).toContain('kiosk/store-1/menu/kimchi-stew.svg');
  });

  it('keeps the content type it was given, not one guessed from the name', async () => {
    await files.put('datasets/labels.csv', Buffer.from('file,group\n'), 'text/csv; charset=utf-8');
    expect((await files.get('datasets/labels.csv'))?.contentType).toBe('text/csv; charset=utf-8');
  });

  it('answers null and false for a missing key', async () => {
    expect(await files.get('menu/nothing.svg')).toBeNull();
    expect(await files.has('menu/nothing.svg')).toBe(false);
  });

  it('deletes a file, and a missing one without complaint', async () => {
    await files.put('private/face-crops/a.jpg', Buffer.from([0xff, 0xd8, 0xff]), 'image/jpeg');
    await files.delete('private/face-crops/a.jpg');
    expect(await files.has('private/face-crops/a.jpg')).toBe(false);
    await expect(files.delete('private/face-crops/a.jpg')).resolves.toBeUndefined();
  });

  it('refuses keys that are not safe', async () => {
    for (const key of ['../kiosk.sqlite', 'menu/../../x.svg', '/etc/passwd', 'Menu/A.svg', 'menu//a.svg', '']) {
      await expect(files.put(key, Buffer.from('x'), 'text/plain')).rejects.toThrow(/Invalid file key/);
      await expect(files.get(key)).rejects.toThrow(/Invalid file key/);
      await expect(files.has(key)).rejects.toThrow(/Invalid file key/);
      await expect(files.delete(key)).rejects.toThrow(/Invalid file key/);
    }
  });

  it('rejects a URL that is not s3://bucket[/prefix]', () => {
    expect(() => S3FileStore.fromUrl('https://bucket', null)).toThrow(/not s3:\/\/bucket/);
  });
});
