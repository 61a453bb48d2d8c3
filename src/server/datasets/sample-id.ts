/**
 * A face sample's id, named by its image's bytes (a name-based UUID, RFC 4122 version 5): importing
 * the same image again, under any dataset name or format, finds the sample already there.
 */
import { createHash } from 'node:crypto';

const NAMESPACE = Buffer.from('3b0c8f5e6a9d4c1b8e2f7a6d5c4b3a29', 'hex');

export function sampleIdOf(image: Buffer): string {
  const name = createHash('sha256').update(image).digest('hex');
  const hash = createHash('sha1').update(NAMESPACE).update(name).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
