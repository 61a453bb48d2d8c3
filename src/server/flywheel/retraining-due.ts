/**
 * Whether the group head should be retrained now, from the registry's runs alone (a restarted
 * server, or another one behind the load balancer, reaches the same answer). Pure: the caller
 * reads the clock, the settings and the counts.
 */
import type { StoreSettings } from '../../contracts/http';
import { isOpenAt, localClock } from '../../domain/operating-hours';
import type { TrainingRun } from '../registry/model-version';

/** Retries after failures wait longer each time, up to a day, so a broken setup costs one run a night. */
export const MAX_RETRY_WAIT_MS = 24 * 3600_000;
const DAY_MS = 24 * 3600_000;

export type RunHistory = {
  /** When the last successful run started: samples stored after that are new to the active candidate line. */
  lastSuccessAt: string | null;
  /** Failed runs since then, and when the latest of them ended. */
  failuresSinceSuccess: number;
  lastFailureAt: string | null;
  running: boolean;
};

export type DueInput = {
  now: Date;
  timeZone: string;
  settings: Pick<StoreSettings, 'retrainEveryDays' | 'retrainAfterNewLabels' | 'operatingHours'>;
  history: RunHistory;
  /** Labelled faces stored since the last successful run (all of them if there was none). */
  newLabels: number;
  /** A run needs something to learn from: stored samples or the configured folder. */
  hasTrainingData: boolean;
  /** The wait after the first failure; it doubles with each further one. */
  retryAfterMs: number;
};

export type DueVerdict = { due: boolean; reason: string };

export function runHistory(runs: readonly TrainingRun[]): RunHistory {
  const started = (run: TrainingRun) => run.startedAt ?? '';
  const newestFirst = [...runs].sort((a, b) => started(b).localeCompare(started(a)));
  const lastSuccess = newestFirst.find((run) => run.status === 'succeeded');
  const failures = newestFirst.filter((run) => run.status === 'failed' && (!lastSuccess || started(run) > started(lastSuccess)));
  return {
    lastSuccessAt: lastSuccess?.startedAt ?? null,
    failuresSinceSuccess: failures.length,
    lastFailureAt: failures[0]?.finishedAt ?? failures[0]?.startedAt ?? null,
    running: runs.some((run) => run.status === 'running' || run.status === 'queued'),
  };
}

/** The wait before the next try after `failures` failed runs in a row. */
export function retryWaitMs(failures: number, retryAfterMs: number): number {
  return failures === 0 ? 0 : Math.min(retryAfterMs * 2 ** (failures - 1), MAX_RETRY_WAIT_MS);
}

export function retrainingDue({ now, timeZone, settings, history, newLabels, hasTrainingData, retryAfterMs }: DueInput): DueVerdict {
  if (history.running) return { due: false, reason: 'a training run is in progress' };
  // Training takes the server's cores; customers come first. (Always open: it never runs on its own.)
  if (isOpenAt(settings.operatingHours, localClock(now, timeZone))) return { due: false, reason: 'the store is open' };
  if (history.lastFailureAt) {
    const retryAt = Date.parse(history.lastFailureAt) + retryWaitMs(history.failuresSinceSuccess, retryAfterMs);
    if (now.getTime() < retryAt) return { due: false, reason: `waiting after ${history.failuresSinceSuccess} failed run(s) until ${new Date(retryAt).toISOString()}` };
  }
  if (!hasTrainingData) return { due: false, reason: 'nothing to train on yet' };
  if (!history.lastSuccessAt) return { due: true, reason: 'never trained here' };
  const ageDays = (now.getTime() - Date.parse(history.lastSuccessAt)) / DAY_MS;
  if (ageDays >= settings.retrainEveryDays) return { due: true, reason: `the last run is ${Math.floor(ageDays)} days old` };
  if (newLabels >= settings.retrainAfterNewLabels) return { due: true, reason: `${newLabels} new labels since the last run` };
  return { due: false, reason: `${Math.floor(ageDays)} of ${settings.retrainEveryDays} days, ${newLabels} of ${settings.retrainAfterNewLabels} new labels` };
}
