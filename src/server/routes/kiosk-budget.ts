/**
 * Per-kiosk limits on what a kiosk may post besides orders (camera decisions, staff calls): far
 * above what customers make, far below a flood. Orders themselves are never limited.
 */
import type { FastifyReply } from 'fastify';
import { RateBudget } from '../../shared/rate-budget';
import { AppError } from '../errors';

export class KioskBudget {
  private readonly budget: RateBudget;

  constructor(
    private readonly what: string,
    limit: { count: number; windowMs: number },
    now: () => number = Date.now,
  ) {
    this.budget = new RateBudget(limit, now);
  }

  /** Spends one of the kiosk's budget, or answers 429 with Retry-After. */
  spend(kioskId: string, reply: FastifyReply): void {
    if (this.budget.spend(kioskId)) return;
    const seconds = this.budget.retryAfterSeconds(kioskId);
    reply.header('retry-after', String(seconds));
    throw new AppError(429, 'too_many_requests', `This kiosk sent too many ${this.what}; try again in ${seconds} s.`);
  }
}
