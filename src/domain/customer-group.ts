/** The four customer groups the camera tells apart, and how age and gender map onto them. */
import type { CustomerGroup } from './order-rules';

export const FACE_GROUPS = ['senior_male', 'senior_female', 'general_male', 'general_female'] as const;
export type FaceGroup = (typeof FACE_GROUPS)[number];

export type Gender = 'female' | 'male';

/** Senior means this age or older unless the operator sets otherwise. */
export const DEFAULT_SENIOR_AGE = 60;

export function groupOf(age: number, gender: Gender, seniorAge = DEFAULT_SENIOR_AGE): FaceGroup {
  return `${age >= seniorAge ? 'senior' : 'general'}_${gender}`;
}

export function isSenior(group: CustomerGroup): boolean {
  return group === 'senior_male' || group === 'senior_female';
}

export function genderOf(group: CustomerGroup): Gender | null {
  if (group === 'unknown') return null;
  return group.endsWith('female') ? 'female' : 'male';
}
