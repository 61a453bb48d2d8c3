/**
 * When a candidate may replace the active model: strictly better macro F1 on the same frozen set, and
 * no lower senior recall (missing a senior is the error the product exists to avoid).
 */
import type { GroupMetrics } from '../../vision/head/metrics';

export type PromotionDecision = { promote: boolean; reason: string };

type Judged = Pick<GroupMetrics, 'macroF1' | 'seniorRecall'>;

export function promotionDecision(candidate: Judged, active: Judged | null): PromotionDecision {
  if (!active) return { promote: true, reason: 'no active model yet' };
  const f1 = `macroF1 ${candidate.macroF1.toFixed(4)} vs active ${active.macroF1.toFixed(4)}`;
  const recall = `seniorRecall ${candidate.seniorRecall.toFixed(4)} vs active ${active.seniorRecall.toFixed(4)}`;
  if (candidate.macroF1 <= active.macroF1) return { promote: false, reason: `refused: ${f1} is not better` };
  if (candidate.seniorRecall < active.seniorRecall) return { promote: false, reason: `refused: ${recall} is lower` };
  return { promote: true, reason: `promoted: ${f1}, ${recall}` };
}
