/**
 * Retention: camera decisions, their crops and the face samples made from them are deleted once
 * older than the store's `retentionDays`; imported datasets are not the customers' faces and stay.
 * It runs at server start and every hour, on one server at a time (a JobLock).
 */
import type { JobLock } from '../db/job-lock';
import type { SettingsService } from '../services/settings.service';
import type { FileStore } from '../storage/file-store';
import type { DecisionLogRepository } from './decision-log.repository';

export const RETENTION_JOB = 'camera-decision-retention';
export const RETENTION_EVERY_MS = 60 * 60_000;
const DAY_MS = 86_400_000;

export type RetentionResult = { decisions: number; samples: number; crops: number };

export class DecisionRetention {
  constructor(
    private readonly log: DecisionLogRepository,
    private readonly settings: SettingsService,
    private readonly files: FileStore,
    private readonly lock: JobLock,
    private readonly context: { storeId: string; now: () => Date },
  ) {}

  /** One pass; null when another server is running it. */
  async runOnce(): Promise<RetentionResult | null> {
    if (!(await this.lock.acquire())) return null;
    try {
      const { retentionDays } = await this.settings.get(this.context.storeId);
      const cutoff = new Date(this.context.now().getTime() - retentionDays * DAY_MS).toISOString();
      // Files first: if the server stops half-way, rows that outlive their crop are found again next time;
      // crops that outlived their rows would never be.
      const keys = await this.log.expiredFileKeys(cutoff);
      for (const key of keys) await this.files.delete(key);
      return { ...(await this.log.deleteBefore(cutoff)), crops: keys.length };
    } finally {
      await this.lock.release();
    }
  }

  /**
   * Runs now and then every `everyMs`, never two passes at once (the lock is already ours within
   * this process); `stop` waits for a pass in progress, so the database can close after it.
   */
  schedule(everyMs: number, onError: (error: unknown) => void): { stop(): Promise<void> } {
    let running: Promise<unknown> | null = null;
    const run = () => {
      running ??= this.runOnce()
        .catch(onError)
        .finally(() => {
          running = null;
        });
    };
    run();
    const timer = setInterval(run, everyMs);
    timer.unref();
    return {
      stop: async () => {
        clearInterval(timer);
        await running;
      },
    };
  }
}
