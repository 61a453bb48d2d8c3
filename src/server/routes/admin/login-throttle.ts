/**
 * Failed console sign-ins are limited per user name (5 in 15 minutes) and per address (20: a shop's
 * staff may share one address behind its router). Only failures count, so an owner signing in
 * from several screens is never stopped; once the limit is reached even the right password waits,
 * so guessing cannot go on. Counters live in this process (one server per store).
 */
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

export const LOGIN_FAILURES_PER_USER = 5;
export const LOGIN_FAILURES_PER_ADDRESS = 20;
const WINDOW_MS = 15 * 60_000;

type LoginRequest = FastifyRequest<{ Body: { username: string } }>;
type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

export type LoginThrottle = {
  /** Answers 429 (with retry-after) and returns false when this sign-in may not be tried now. */
  admit(request: LoginRequest, reply: FastifyReply): Promise<boolean>;
  /** Counts a failed sign-in against its user name and address. */
  failed(request: LoginRequest): Promise<void>;
};

export async function loginThrottle(app: FastifyInstance): Promise<LoginThrottle> {
  await app.register(fastifyRateLimit, { global: false });
  const limiters: Limiter[] = [
    // Names are matched as typed, but counted without case, so "Owner" and "owner" share a count.
    app.createRateLimit({ max: LOGIN_FAILURES_PER_USER, timeWindow: WINDOW_MS, keyGenerator: (request) => `user:${(request as LoginRequest).body.username.toLowerCase()}` }),
    app.createRateLimit({ max: LOGIN_FAILURES_PER_ADDRESS, timeWindow: WINDOW_MS, keyGenerator: (request) => `ip:${request.ip}` }),
  ];
  return {
    async admit(request, reply) {
      for (const limiter of limiters) {
        const state = await limiter(request, { increment: false });
        if (state.isAllowed || state.remaining > 0) continue;
        const minutes = Math.ceil(state.ttlInSeconds / 60);
        await reply
          .code(429)
          .header('retry-after', String(state.ttlInSeconds))
          .send({ error: 'too_many_attempts', message: `로그인 실패가 너무 많아요. ${minutes}분 뒤에 다시 해 주세요. · Too many failed sign-ins: try again in ${minutes} min.` });
        return false;
      }
      return true;
    },
    async failed(request) {
      for (const limiter of limiters) await limiter(request);
    },
  };
}
