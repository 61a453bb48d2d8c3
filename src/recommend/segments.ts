/** Whom a recommendation is for: the camera's four groups, or age alone when the operator turns gender off. */
import type { CustomerGroup } from '../domain/order-rules';
import { FACE_GROUPS, type FaceGroup } from '../domain/customer-group';

export const AGE_SEGMENTS = ['senior', 'general'] as const;
export type AgeSegment = (typeof AGE_SEGMENTS)[number];

export type Segment = FaceGroup | AgeSegment;

/** The segments a model keeps counts for. */
export function segmentsOf(ageOnly: boolean): readonly Segment[] {
  return ageOnly ? AGE_SEGMENTS : FACE_GROUPS;
}

/** The segment a customer group counts in; `unknown` belongs to none (it gets what sells overall). */
export function segmentOf(group: CustomerGroup, ageOnly: boolean): Segment | null {
  if (group === 'unknown') return null;
  if (!ageOnly) return group;
  return group === 'senior_male' || group === 'senior_female' ? 'senior' : 'general';
}
