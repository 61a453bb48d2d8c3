/** When retraining is due: age, new labels, closed hours only, and a growing wait after failures; `now` fixed. */
import { describe, expect, it } from 'vitest';
import type { TrainingRun } from '../registry/model-version';
import { MAX_RETRY_WAIT_MS, retrainingDue, retryWaitMs, runHistory, type DueInput } from './retraining-due';

// 02:00 in Seoul: the store (08:00–20:00) is closed.
const NIGHT = new Date('2026-12-10T17:00:00Z');
const NOON = new Date('2026-12-10T03:00:00Z');
const daysBefore = (moment: Date, days: number) => new Date(moment.getTime() - days * 86_400_000).toISOString();
const HOUR = 3_600_000;

let id = 0;
const run = (status: TrainingRun['status'], startedAt: string, finishedAt: string | null = startedAt): TrainingRun => ({
  id: String(++id),
  model: 'group-head',
  status,
  trigger: 'schedule',
  startedAt,
  finishedAt,
  error: null,
  version: null,
});

const input = (overrides: Partial<DueInput> & { runs?: TrainingRun[] } = {}): DueInput => {
  const { runs = [run('succeeded', daysBefore(NIGHT, 10))], ...rest } = overrides;
  return {
    now: NIGHT,
    timeZone: 'Asia/Seoul',
    settings: { retrainEveryDays: 60, retrainAfterNewLabels: 500, operatingHours: { open: '08:00', close: '20:00' } },
    history: runHistory(runs),
    newLabels: 0,
    hasTrainingData: true,
    retryAfterMs: HOUR,
    ...rest,
  };
};

describe('retraining is due', () => {
  it('once the last successful run is retrainEveryDays old, not a day before', () => {
    expect(retrainingDue(input({ runs: [run('succeeded', daysBefore(NIGHT, 59))] }))).toMatchObject({ due: false, reason: '59 of 60 days, 0 of 500 new labels' });
    expect(retrainingDue(input({ runs: [run('succeeded', daysBefore(NIGHT, 60))] }))).toEqual({ due: true, reason: 'the last run is 60 days old' });
  });

  it('when enough new labels arrived, however recent the last run', () => {
    expect(retrainingDue(input({ newLabels: 499 })).due).toBe(false);
    expect(retrainingDue(input({ newLabels: 500 }))).toEqual({ due: true, reason: '500 new labels since the last run' });
  });

  it('when it never ran, but only with something to train on', () => {
    expect(retrainingDue(input({ runs: [] }))).toEqual({ due: true, reason: 'never trained here' });
    expect(retrainingDue(input({ runs: [], hasTrainingData: false }))).toEqual({ due: false, reason: 'nothing to train on yet' });
  });

  it('only while the store is closed, overnight hours included; an always-open store never trains on its own', () => {
    const old = { runs: [run('succeeded', daysBefore(NOON, 90))] };
    expect(retrainingDue(input({ ...old, now: NOON }))).toEqual({ due: false, reason: 'the store is open' });
    expect(retrainingDue(input({ ...old, now: NIGHT })).due).toBe(true);
    // Open 18:00 → 03:00: 02:00 is still open, noon is closed.
    const lateBar = { open: '18:00', close: '03:00' };
    expect(retrainingDue(input({ ...old, now: NIGHT, settings: { ...input().settings, operatingHours: lateBar } })).due).toBe(false);
    expect(retrainingDue(input({ ...old, now: NOON, settings: { ...input().settings, operatingHours: lateBar } })).due).toBe(true);
    expect(retrainingDue(input({ ...old, settings: { ...input().settings, operatingHours: { open: '00:00', close: '00:00' } } })).due).toBe(false);
  });

  it('not while a run is in progress', () => {
    expect(retrainingDue(input({ runs: [run('succeeded', daysBefore(NIGHT, 90)), run('running', daysBefore(NIGHT, 0.01), null)] }))).toEqual({ due: false, reason: 'a training run is in progress' });
  });

  it('after a failure only once the wait is over, and the wait doubles with each failure in a row', () => {
    const failedAt = (hoursAgo: number) => new Date(NIGHT.getTime() - hoursAgo * HOUR).toISOString();
    const oneFailure = [run('succeeded', daysBefore(NIGHT, 90)), run('failed', failedAt(0.5))];
    expect(retrainingDue(input({ runs: oneFailure }))).toEqual({ due: false, reason: `waiting after 1 failed run(s) until ${new Date(NIGHT.getTime() + 0.5 * HOUR).toISOString()}` });
    expect(retrainingDue(input({ runs: oneFailure, now: new Date(NIGHT.getTime() + 0.5 * HOUR) })).due).toBe(true);

    const twoFailures = [run('succeeded', daysBefore(NIGHT, 90)), run('failed', failedAt(3)), run('failed', failedAt(1.5))];
    expect(retrainingDue(input({ runs: twoFailures })).due).toBe(false); // 2 h after the second failure
    expect(retrainingDue(input({ runs: twoFailures, now: new Date(NIGHT.getTime() + 0.5 * HOUR) })).due).toBe(true);

    // Failures before the last success are forgiven.
    expect(retrainingDue(input({ runs: [run('failed', failedAt(2)), run('succeeded', failedAt(1.9))], newLabels: 600 })).due).toBe(true);
    expect([1, 2, 3, 10].map((failures) => retryWaitMs(failures, HOUR))).toEqual([HOUR, 2 * HOUR, 4 * HOUR, MAX_RETRY_WAIT_MS]);
  });
});
