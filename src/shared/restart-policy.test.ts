import { describe, expect, it } from 'vitest';
import { RestartPolicy } from './restart-policy';

const limits = { maxRestarts: 3, firstDelayMs: 1000, maxDelayMs: 10_000, healthyAfterMs: 60_000 };

describe('RestartPolicy', () => {
  it('restarts a dying worker a bounded number of times, waiting longer each time', () => {
    const policy = new RestartPolicy(limits, () => 1);
    expect([policy.nextDelayMs(0), policy.nextDelayMs(0), policy.nextDelayMs(0), policy.nextDelayMs(0)]).toEqual([1000, 2000, 4000, null]);
  });

  it('gives the budget back to a worker that ran for a while, not to one that only started', () => {
    const policy = new RestartPolicy(limits, () => 1);
    policy.nextDelayMs(0);
    policy.nextDelayMs(0);
    policy.working(1_000);
    expect(policy.nextDelayMs(30_000)).toBe(4000);
    policy.working(40_000);
    expect(policy.nextDelayMs(100_000)).toBe(1000);
  });
});
