/**
 * Retrains the group head on a schedule and on demand. Every few minutes it asks whether a run is
 * due (retraining-due.ts: age, new labels, closed hours, the wait after failures); the console's
 * "train now" skips that question. Either way it takes the job lock (one server trains at a time,
 * renewed while the child runs), fails runs whose process is gone, and starts `kiosk model train` as
 * a child process, which records, judges and promotes by itself. Nothing lives only in memory but the
 * handle on our own child: a restarted server reads the same runs and reaches the same schedule.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { AppError } from '../errors';
import type { JobLock } from '../db/job-lock';
import type { ModelRegistryService } from '../registry/model-registry.service';
import { GROUP_HEAD, type RunTrigger } from '../registry/model-version';
import type { FaceSampleRepository } from '../repositories/face-sample.repository';
import type { SettingsService } from '../services/settings.service';
import { retrainingDue, runHistory, type DueVerdict } from './retraining-due';
import type { TrainingCommand } from './training-command';

export type TrainingSchedulerOptions = {
  registry: ModelRegistryService;
  settings: SettingsService;
  samples: Pick<FaceSampleRepository, 'count'>;
  lock: JobLock;
  /** How often the lock is renewed while a child trains: well within its time to live. */
  renewEveryMs: number;
  command: (trigger: Extract<RunTrigger, 'schedule' | 'manual'>) => TrainingCommand;
  /** Whether a folder of labelled faces is configured besides the stored samples. */
  hasConfiguredData: boolean;
  storeId: string;
  timeZone: string;
  now: () => Date;
  checkEveryMs: number;
  /** The wait after a failed run before the schedule tries again (doubling with each failure in a row). */
  retryAfterMs: number;
  log: { info: (message: string) => void; warn: (error: unknown, message: string) => void };
};

/** What the child said last: its JSON result line, or the end of its error output. */
const TAIL_CHARS = 2000;

export class TrainingScheduler {
  private child: ChildProcess | null = null;
  /** The check under way, if any: at most one at a time, and `stop` waits for it. */
  private checking: Promise<DueVerdict> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private finished: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly options: TrainingSchedulerOptions) {}

  start(): void {
    const tick = () => void this.check().catch((error: unknown) => this.options.log.warn(error, 'Training schedule: the check failed'));
    this.timer = setInterval(tick, this.options.checkEveryMs);
    this.timer.unref();
    tick();
  }

  /** Stops checking; a child still training is stopped too, and its run is recorded as failed. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.checking?.catch(() => undefined);
    this.child?.kill('SIGTERM');
    await this.finished;
  }

  /** One scheduled check: starts a run if one is due. */
  async check(): Promise<DueVerdict> {
    return this.exclusively('schedule', async () => {
      const { registry, settings, samples, storeId, now, timeZone, retryAfterMs, hasConfiguredData } = this.options;
      const history = runHistory(await registry.runs(GROUP_HEAD));
      const [storeSettings, newLabels, allLabels] = await Promise.all([settings.get(storeId), samples.count(history.lastSuccessAt), samples.count()]);
      return retrainingDue({ now: now(), timeZone, settings: storeSettings, history, newLabels, hasTrainingData: hasConfiguredData || allLabels > 0, retryAfterMs });
    });
  }

  /** The console's "train now": a run at once, whatever the hour; 409 while one is running anywhere. */
  async trainNow(): Promise<void> {
    // A child that has exited is being closed up (its run failed if it died), and a scheduled check
    // may be deciding right now: wait for either rather than refuse.
    if (this.child && (this.child.exitCode !== null || this.child.signalCode !== null)) await this.finished;
    while (this.checking) await this.checking.catch(() => undefined);
    const verdict = await this.exclusively('manual', async () => {
      const running = runHistory(await this.options.registry.runs(GROUP_HEAD)).running;
      return running ? { due: false, reason: 'a training run is in progress' } : { due: true, reason: 'asked for in the console' };
    });
    if (!verdict.due) throw new AppError(409, 'training_running', `Training is already running (${verdict.reason}).`);
  }

  /** Under the job lock, with abandoned runs failed first: asks `decide`, and starts the child if it says so. */
  private async exclusively(trigger: 'schedule' | 'manual', decide: () => Promise<DueVerdict>): Promise<DueVerdict> {
    if (this.stopped) return { due: false, reason: 'the server is closing' };
    if (this.child || this.checking) return { due: false, reason: 'a training run is in progress' };
    this.checking = this.decideAndStart(trigger, decide);
    try {
      return await this.checking;
    } finally {
      this.checking = null;
    }
  }

  private async decideAndStart(trigger: 'schedule' | 'manual', decide: () => Promise<DueVerdict>): Promise<DueVerdict> {
    if (!(await this.options.lock.acquire())) return { due: false, reason: 'another server holds the training lock' };
    let started = false;
    try {
      await this.options.registry.failAbandonedRuns();
      const verdict = await decide();
      if (verdict.due) {
        this.options.log.info(`Training: starting a ${trigger} run (${verdict.reason})`);
        this.spawnChild(trigger);
        started = true;
      }
      return verdict;
    } finally {
      if (!started) await this.options.lock.release();
    }
  }

  private spawnChild(trigger: 'schedule' | 'manual'): void {
    const { file, args, env } = this.options.command(trigger);
    const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let output = '';
    const keep = (chunk: Buffer) => (output = (output + chunk.toString('utf8')).slice(-TAIL_CHARS));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const renewal = setInterval(() => {
      this.options.lock.renew().then(
        (held) => {
          // Our hold ran out (a stalled server): another may train now, so this one stops.
          if (!held) child.kill('SIGTERM');
        },
        (error: unknown) => this.options.log.warn(error, 'Training: could not renew the job lock'),
      );
    }, this.options.renewEveryMs);
    renewal.unref();
    this.finished = new Promise((resolve) => {
      child.on('error', (error) => this.options.log.warn(error, 'Training: could not start `kiosk model train`'));
      child.on('close', (code, signal) => {
        clearInterval(renewal);
        this.options.log.info(`Training: the ${trigger} run ended (${signal ?? `exit ${code}`}): ${output.trim().split('\n').at(-1) ?? ''}`);
        // A child killed halfway left its run `running`; its process is gone now, so it is failed here.
        this.options.registry
          .failAbandonedRuns()
          .then(() => this.options.lock.release())
          .catch((error: unknown) => this.options.log.warn(error, 'Training: could not close the run'))
          .finally(() => {
            this.child = null;
            resolve();
          });
      });
    });
  }
}
