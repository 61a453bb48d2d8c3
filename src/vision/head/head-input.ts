/** What the group head reads from a face: identity embedding, both age readings, gender and ethnicity scores. */
import { GEAR_AGE_CENTRES, type FaceFeatures } from '../features/face-analyzer';

export const HEAD_INPUT_SIZE = 1024 + 100 + 1 + 7 + 2 + 5 + 2;

export function headInputOf(features: FaceFeatures): Float32Array {
  const input = new Float32Array(HEAD_INPUT_SIZE);
  let offset = 0;
  for (const part of [features.embedding, features.faceresAge, [features.faceresMale], features.gearAge, features.gearGender, features.gearRace]) {
    input.set(part, offset);
    offset += part.length;
  }
  // The two expected ages, in decades: one number each that a linear model can weigh directly.
  input[offset] = features.faceresAge.reduce((sum, p, age) => sum + p * age, 0) / 10;
  input[offset + 1] = features.gearAge.reduce((sum, p, bin) => sum + p * GEAR_AGE_CENTRES[bin]!, 0) / 10;
  return input;
}
