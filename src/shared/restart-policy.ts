/**
 * When a background worker that died (the camera's face worker, the microphone's capture) is started
 * again: a few times, each after a longer pause, so a worker that cannot run does not eat the CPU the
 * ordering screens need. One that then runs for a while has its budget back.
 */
import { backoffMs } from './retry';

export type RestartLimits = { maxRestarts: number; firstDelayMs: number; maxDelayMs: number; healthyAfterMs: number };

export const WORKER_RESTARTS: RestartLimits = { maxRestarts: 3, firstDelayMs: 1000, maxDelayMs: 10_000, healthyAfterMs: 60_000 };

export class RestartPolicy {
  private restarts = 0;
  private workingSince: number | null = null;

  constructor(
    private readonly limits: RestartLimits = WORKER_RESTARTS,
    private readonly random: () => number = Math.random,
  ) {}

  /** The worker is doing its job (models loaded, samples flowing). */
  working(now = Date.now()): void {
    this.workingSince ??= now;
  }

  /** The worker died: how long to wait before starting it again, or null when it should stay down. */
  nextDelayMs(now = Date.now()): number | null {
    if (this.workingSince !== null && now - this.workingSince >= this.limits.healthyAfterMs) this.restarts = 0;
    this.workingSince = null;
    if (this.restarts >= this.limits.maxRestarts) return null;
    return backoffMs(this.restarts++, this.limits.firstDelayMs, this.limits.maxDelayMs, this.random);
  }
}
