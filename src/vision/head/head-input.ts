/** What the group head reads from a face: faceres's identity embedding, age distribution and gender score. */
import type { FaceFeatures } from '../features/face-analyzer';

export const HEAD_INPUT_SIZE = 1024 + 100 + 1 + 1;

export function headInputOf(features: FaceFeatures): Float32Array {
  const input = new Float32Array(HEAD_INPUT_SIZE);
  input.set(features.embedding, 0);
  input.set(features.faceresAge, 1024);
  input[1124] = features.faceresMale;
  // The expected age in decades: one number a linear model can weigh directly.
  input[1125] = features.faceresAge.reduce((sum, p, age) => sum + p * age, 0) / 10;
  return input;
}
