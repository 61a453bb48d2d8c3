/** Where pictures (and later datasets and model artifacts) live: local disk by default, or S3 (open-file-store.ts). */
export type StoredFile = { data: Buffer; contentType: string };

export interface FileStore {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<StoredFile | null>;
  has(key: string): Promise<boolean>;
  /** Removes the file; a missing one is not an error (a retried deletion finds it gone). */
  delete(key: string): Promise<void>;
}

/** Keys under this folder are never served by `/media`: face crops and the like, for signed-in console users only. */
export const PRIVATE_FOLDER = 'private/';

export function isPublicKey(key: string): boolean {
  return isSafeKey(key) && !key.startsWith(PRIVATE_FOLDER);
}

/** Keys are `folder/name.ext` in lower-case letters, digits, dashes and dots: no way out of the store. */
const SAFE_KEY = /^[a-z0-9][a-z0-9_-]*(\.[a-z0-9_-]+)*(\/[a-z0-9][a-z0-9_-]*(\.[a-z0-9_-]+)*)*$/;

export function isSafeKey(key: string): boolean {
  return key.length <= 200 && SAFE_KEY.test(key);
}

export function assertSafeKey(key: string): void {
  if (!isSafeKey(key)) throw new Error(`Invalid file key "${key}".`);
}
