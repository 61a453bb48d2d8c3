/** `OBJECT_STORE=s3://bucket[/prefix]`: which bucket, and the folder in it that holds this server's files. */
export type S3Location = { bucket: string; prefix: string };

// Bucket names as S3 allows them (3–63 lower-case letters, digits, dots, dashes); prefix folders as keys allow them.
const S3_URL = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])((?:\/[A-Za-z0-9_-][A-Za-z0-9_.-]*)*)\/?$/;

export function parseS3Url(url: string): S3Location | null {
  const match = S3_URL.exec(url);
  if (!match) return null;
  return { bucket: match[1]!, prefix: match[2]!.slice(1) };
}
