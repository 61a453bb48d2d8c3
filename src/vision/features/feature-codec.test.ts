import { describe, expect, it } from 'vitest';
import { decodeFeatures, encodeFeatures, ENCODED_LENGTH, featuresFromBase64, featuresToBase64 } from './feature-codec';
import type { FaceFeatures } from './face-analyzer';

describe('feature codec', () => {
  it('round-trips every part of the features', () => {
    const ramp = (length: number, start: number) => Float32Array.from({ length }, (_, index) => start + index / 1000);
    const features: FaceFeatures = {
      box: { x: 10, y: 20, width: 100, height: 120 },
      detectorScore: 0.9,
      faceresMale: 0.25,
      faceresAge: ramp(100, 1),
      embedding: ramp(1024, 2),
    };
    const encoded = encodeFeatures(features);
    expect(encoded).toHaveLength(ENCODED_LENGTH);
    const decoded = decodeFeatures(encoded);
    expect(decoded.box).toEqual(features.box);
    expect(decoded.detectorScore).toBeCloseTo(0.9, 6);
    expect(decoded.embedding).toEqual(features.embedding);
    expect(decoded.faceresAge).toEqual(features.faceresAge);
    expect(() => decodeFeatures(new Float32Array(10))).toThrow('expected');
    expect(featuresFromBase64(featuresToBase64(features))).toEqual(decoded);
    expect(() => featuresFromBase64('AAAA')).toThrow('expected');
    expect(() => featuresFromBase64('%%%')).toThrow();
  });
});
