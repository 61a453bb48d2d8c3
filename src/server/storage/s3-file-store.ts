import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { assertSafeKey, type FileStore, type StoredFile } from './file-store';
import { parseS3Url, type S3Location } from './s3-url';

/** Files as objects in one S3 bucket, under an optional prefix: the server keeps none on its own disk. */
export class S3FileStore implements FileStore {
  /** Region and credentials come from the SDK's own chain: AWS_REGION, AWS_ACCESS_KEY_ID…, profiles, roles. */
  static fromUrl(url: string, endpoint: string | null): S3FileStore {
    const location = parseS3Url(url);
    if (!location) throw new Error(`"${url}" is not s3://bucket[/prefix].`);
    // Compatible servers (MinIO, s3rver) answer buckets by path, not as bucket.host names.
    return new S3FileStore(new S3Client(endpoint ? { endpoint, forcePathStyle: true } : {}), location);
  }

  constructor(
    private readonly client: S3Client,
    private readonly location: S3Location,
  ) {}

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ ...this.object(key), Body: data, ContentType: contentType }));
  }

  async get(key: string): Promise<StoredFile | null> {
    try {
      const object = await this.client.send(new GetObjectCommand(this.object(key)));
      const data = Buffer.from(await object.Body!.transformToByteArray());
      return { data, contentType: object.ContentType ?? 'application/octet-stream' };
    } catch (error) {
      if (error instanceof NoSuchKey) return null;
      throw error;
    }
  }

  async has(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand(this.object(key)));
      return true;
    } catch (error) {
      // HEAD answers have no body, so a missing key is a bare 404.
      if (error instanceof NotFound) return false;
      throw error;
    }
  }

  /** S3 answers a deletion of a missing key with success, as the interface asks. */
  async delete(key: string): Promise<void> {
    await this.client.send(new DeleteObjectCommand(this.object(key)));
  }

  private object(key: string): { Bucket: string; Key: string } {
    assertSafeKey(key);
    const { bucket, prefix } = this.location;
    return { Bucket: bucket, Key: prefix ? `${prefix}/${key}` : key };
  }
}
