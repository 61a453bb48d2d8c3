/** Where pictures (and later datasets and model artifacts) live: local disk by default, or S3 (open-file-store.ts). */
export type StoredFile = { data: Buffer; contentType: string };

export interface FileStore {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<StoredFile | null>;
  has(key: string): Promise<boolean>;
}

/** Keys are `folder/name.ext` in lower-case letters, digits, dashes and dots: no way out of the store. */
const SAFE_KEY = /^[a-z0-9][a-z0-9_-]*(\.[a-z0-9_-]+)*(\/[a-z0-9][a-z0-9_-]*(\.[a-z0-9_-]+)*)*$/;

export function isSafeKey(key: string): boolean {
  return key.length <= 200 && SAFE_KEY.test(key);
}

export function assertSafeKey(key: string): void {
  if (!isSafeKey(key)) throw new Error(`Invalid file key "${key}".`);
}
