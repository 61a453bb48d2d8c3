/**
 * How well decisions match the truth over the four groups. A missed face or an `unknown` decision
 * counts as wrong everywhere, so a model cannot look better by declining to answer.
 */
import { FACE_GROUPS, genderOf, isSenior, type FaceGroup } from '../../domain/customer-group';

export type Decision = FaceGroup | 'unknown';

/** Rows: true group (FACE_GROUPS order); columns: the four groups, then unknown. */
export type Confusion = number[][];

export type GroupMetrics = {
  n: number;
  accuracy: number;
  macroF1: number;
  seniorRecall: number;
  seniorPrecision: number;
  genderAccuracy: number;
  perGroupF1: Record<FaceGroup, number>;
  confusion: Confusion;
};

export const CONFUSION_COLUMNS = [...FACE_GROUPS, 'unknown'] as const;

export function confusionOf(pairs: readonly { truth: FaceGroup; decision: Decision }[]): Confusion {
  const confusion = FACE_GROUPS.map(() => CONFUSION_COLUMNS.map(() => 0));
  for (const { truth, decision } of pairs) confusion[FACE_GROUPS.indexOf(truth)]![CONFUSION_COLUMNS.indexOf(decision)]! += 1;
  return confusion;
}

export function metricsOf(pairs: readonly { truth: FaceGroup; decision: Decision }[]): GroupMetrics {
  const confusion = confusionOf(pairs);
  const n = pairs.length;
  const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
  const perGroupF1 = {} as Record<FaceGroup, number>;
  FACE_GROUPS.forEach((group, index) => {
    const truePositives = confusion[index]![index]!;
    const precision = ratio(truePositives, confusion.reduce((sum, row) => sum + row[index]!, 0));
    const recall = ratio(truePositives, confusion[index]!.reduce((sum, cell) => sum + cell, 0));
    perGroupF1[group] = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  });
  const seniorTruth = pairs.filter((pair) => isSenior(pair.truth));
  const seniorDecided = pairs.filter((pair) => isSenior(pair.decision));
  return {
    n,
    accuracy: ratio(pairs.filter((pair) => pair.truth === pair.decision).length, n),
    macroF1: FACE_GROUPS.reduce((sum, group) => sum + perGroupF1[group], 0) / FACE_GROUPS.length,
    seniorRecall: ratio(seniorTruth.filter((pair) => isSenior(pair.decision)).length, seniorTruth.length),
    seniorPrecision: ratio(seniorDecided.filter((pair) => isSenior(pair.truth)).length, seniorDecided.length),
    genderAccuracy: ratio(pairs.filter((pair) => genderOf(pair.decision) === genderOf(pair.truth)).length, n),
    perGroupF1,
    confusion,
  };
}
