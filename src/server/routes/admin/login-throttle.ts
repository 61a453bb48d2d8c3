/**
 * Failed console sign-ins are limited per user name (5 in 15 minutes) and per address (20: a shop's
 * staff may share one address behind its router). Only failures count, so an owner signing in
 * from several screens is never stopped; once the limit is reached even the right password waits,
 * so guessing cannot go on. The counts are kept in the database (`store`), so every server sharing
 * it applies one limit.
 */
import fastifyRateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors';

export const LOGIN_FAILURES_PER_USER = 5;
export const LOGIN_FAILURES_PER_ADDRESS = 20;
const WINDOW_MS = 15 * 60_000;

type LoginRequest = FastifyRequest<{ Body: { username: string } }>;
type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

export type LoginThrottle = {
  /**
   * Runs a sign-in unless its name or address has no failures left (then answers 429 with
   * retry-after and returns null), and counts it if it fails.
   */
  attempt<T>(request: LoginRequest, reply: FastifyReply, signIn: () => Promise<T>): Promise<T | null>;
};

const isWrongPassword = (error: unknown) => error instanceof AppError && error.code === 'login_failed';

export async function loginThrottle(app: FastifyInstance, store: FastifyRateLimitStoreCtor): Promise<LoginThrottle> {
  await app.register(fastifyRateLimit, { global: false, store });
  const limiters: Limiter[] = [
    // Names are matched as typed, but counted without case, so "Owner" and "owner" share a count.
    app.createRateLimit({ max: LOGIN_FAILURES_PER_USER, timeWindow: WINDOW_MS, keyGenerator: (request) => `user:${(request as LoginRequest).body.username.toLowerCase()}` }),
    app.createRateLimit({ max: LOGIN_FAILURES_PER_ADDRESS, timeWindow: WINDOW_MS, keyGenerator: (request) => `ip:${request.ip}` }),
  ];
  // Sign-ins still running count against the limit too: a burst of parallel guesses would
  // otherwise all pass the check before the first of them has failed.
  const running = new Map<string, number>();
  const track = (keys: string[], change: 1 | -1) => keys.forEach((key) => running.set(key, (running.get(key) ?? 0) + change));

  return {
    async attempt(request, reply, signIn) {
      const states = await Promise.all(limiters.map((limiter) => limiter(request, { increment: false })));
      for (const state of states) {
        if (state.isAllowed || state.remaining - (running.get(state.key) ?? 0) > 0) continue;
        const seconds = state.ttlInSeconds || WINDOW_MS / 1000;
        const minutes = Math.ceil(seconds / 60);
        await reply
          .code(429)
          .header('retry-after', String(seconds))
          .send({ error: 'too_many_attempts', message: `로그인 실패가 너무 많아요. ${minutes}분 뒤에 다시 해 주세요. · Too many failed sign-ins: try again in ${minutes} min.` });
        return null;
      }
      const keys = states.map((state) => state.key);
      track(keys, 1);
      try {
        return await signIn();
      } catch (error) {
        if (isWrongPassword(error)) for (const limiter of limiters) await limiter(request);
        throw error;
      } finally {
        track(keys, -1);
      }
    },
  };
}
