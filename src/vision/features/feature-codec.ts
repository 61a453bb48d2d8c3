/** FaceFeatures as one flat Float32Array, for the feature cache and for worker messages. */
import type { FaceFeatures } from './face-analyzer';

/** After the box (4), detector score and faceres male score come the vectors, in this order. */
const VECTORS = [
  ['faceresAge', 100],
  ['embedding', 1024],
] as const;

const SCALARS = 6;

export const ENCODED_LENGTH = VECTORS.reduce((sum, [, length]) => sum + length, SCALARS);

export function encodeFeatures(features: FaceFeatures): Float32Array {
  const out = new Float32Array(ENCODED_LENGTH);
  const { x, y, width, height } = features.box;
  out.set([x, y, width, height, features.detectorScore, features.faceresMale], 0);
  let offset = SCALARS;
  for (const [name, length] of VECTORS) {
    const values = features[name];
    if (values.length !== length) throw new Error(`Feature ${name} has ${values.length} values, expected ${length}.`);
    out.set(values, offset);
    offset += length;
  }
  return out;
}

export function decodeFeatures(encoded: Float32Array): FaceFeatures {
  if (encoded.length !== ENCODED_LENGTH) throw new Error(`Encoded features have ${encoded.length} values, expected ${ENCODED_LENGTH}.`);
  let offset = SCALARS;
  const vectors = Object.fromEntries(
    VECTORS.map(([name, length]) => {
      const values = encoded.slice(offset, offset + length);
      offset += length;
      return [name, values];
    }),
  ) as Record<(typeof VECTORS)[number][0], Float32Array>;
  return {
    box: { x: encoded[0]!, y: encoded[1]!, width: encoded[2]!, height: encoded[3]! },
    detectorScore: encoded[4]!,
    faceresMale: encoded[5]!,
    ...vectors,
  };
}

/** Features as base64 text: how the database stores them and how a kiosk sends them (btoa: Node and browsers alike). */
export function featuresToBase64(features: FaceFeatures): string {
  const encoded = encodeFeatures(features);
  return bytesToBase64(new Uint8Array(encoded.buffer, encoded.byteOffset, encoded.byteLength));
}

/** Bytes as base64 with btoa (Node and browsers alike), in chunks so no call gets too many arguments. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

/** The inverse of `featuresToBase64`; throws on text that is not base64 of the right length. */
export function featuresFromBase64(text: string): FaceFeatures {
  const binary = atob(text);
  if (binary.length !== ENCODED_LENGTH * 4) throw new Error(`Encoded features have ${binary.length} bytes, expected ${ENCODED_LENGTH * 4}.`);
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  return decodeFeatures(new Float32Array(bytes.buffer));
}
