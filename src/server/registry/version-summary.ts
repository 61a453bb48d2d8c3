/** A version without its bulky parts (curve, confusion matrix, sample list): what lists show. */
import type { ModelVersion } from './model-version';

export function versionSummary({ curve: _curve, lineage, metrics, ...version }: ModelVersion) {
  const { confusion: _confusion, ...headline } = metrics;
  return { ...version, metrics: headline, lineage: { sources: lineage.sources, sampleCount: lineage.samples.length, frozenSet: lineage.frozenSet } };
}

export type VersionSummary = ReturnType<typeof versionSummary>;
