import path from 'node:path';
import type { Config } from '../../config/config';
import type { FileStore } from './file-store';
import { LocalFileStore } from './local-file-store';

/** S3 when OBJECT_STORE is set (no files on this server's disk), else DATA_DIR/files. */
export async function openFileStore(config: Config): Promise<FileStore> {
  if (!config.objectStore) return new LocalFileStore(path.join(config.dataDir, 'files'));
  // Loaded only when used: the AWS SDK is large, and a kiosk PC keeps its files on its own disk.
  const { S3FileStore } = await import('./s3-file-store');
  return S3FileStore.fromUrl(config.objectStore, config.s3Endpoint);
}
