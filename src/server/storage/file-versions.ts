/**
 * Versions of a file that never change once written, for model artifacts: a kiosk may be running any of
 * them, and rolling back reads an older one. Each version is its own key, `models/face/<versionId>/model.json`,
 * named by a hash of its content, so writing a version again writes the same bytes. Plain keys, not S3 bucket
 * versioning: local disk, S3 and s3rver (which has no versioning) then keep versions alike. Which version is
 * current is the model registry's to record.
 */
import { createHash } from 'node:crypto';
import { assertSafeKey, type FileStore, type StoredFile } from './file-store';

const VERSION_ID = /^[0-9a-f]{32}$/;

export async function putVersion(files: FileStore, key: string, data: Buffer, contentType: string): Promise<{ versionId: string }> {
  const versionId = createHash('sha256').update(data).digest('hex').slice(0, 32);
  await files.put(versionKey(key, versionId), data, contentType);
  return { versionId };
}

export async function getVersion(files: FileStore, key: string, versionId: string): Promise<StoredFile | null> {
  return files.get(versionKey(key, versionId));
}

function versionKey(key: string, versionId: string): string {
  assertSafeKey(key);
  if (!VERSION_ID.test(versionId)) throw new Error(`Invalid version id "${versionId}".`);
  const slash = key.lastIndexOf('/');
  return `${key.slice(0, slash + 1)}${versionId}/${key.slice(slash + 1)}`;
}
