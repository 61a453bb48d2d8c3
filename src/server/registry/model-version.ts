/** What the registry keeps about a trained model version (the row's JSON documents, typed). */
import type { EpochProgress } from '../../ml/train-dense';
import type { FrozenSetRef } from '../../vision/head/frozen-set';
import type { GroupMetrics } from '../../vision/head/metrics';

/** The camera's classifier, the one model the registry trains today. */
export const GROUP_HEAD = 'group-head';

export type ModelStatus = 'candidate' | 'active' | 'retired';

/** Measured on a frozen set (only metrics on the same set are compared), or taken from the shipped model's card. */
export type VersionMetrics = GroupMetrics & { frozenSet: FrozenSetRef; source: 'frozen-set' | 'model-card' };

/** Which data made the version: training files by name, and the frozen set it was judged on. */
export type Lineage = { sources: string[]; samples: string[]; frozenSet: FrozenSetRef };

export type ModelVersion = {
  model: string;
  version: string;
  status: ModelStatus;
  createdAt: string;
  activatedAt: string | null;
  previousVersion: string | null;
  artifactId: string;
  metrics: VersionMetrics;
  params: Record<string, unknown>;
  curve: EpochProgress[] | null;
  lineage: Lineage;
};

export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed';
/** What started a run: the server's schedule, the console's "train now", or `kiosk model train` by hand. */
export const RUN_TRIGGERS = ['schedule', 'manual', 'cli'] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

export type TrainingRun = {
  id: string;
  model: string;
  status: RunStatus;
  trigger: RunTrigger;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  version: string | null;
};
