import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AdminUserResponse, ErrorResponse, LoginRequest } from '../../../contracts/http';
import { AppError } from '../../errors';
import { ADMIN_ROLES, type AdminAuthService } from '../../services/admin-auth.service';
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { loginThrottle } from './login-throttle';
import { clearSessionCookie, CONSOLE_HEADER, requireAdmin, SESSION_COOKIE, setSessionCookie } from './admin-session';

const UserBody = Type.Object({ user: AdminUserResponse });

/** Signing in and out of the console. */
export const adminAuthRoutes: FastifyPluginAsyncTypebox<{ auth: AdminAuthService; signInFailures: FastifyRateLimitStoreCtor }> = async (app, { auth, signInFailures }) => {
  const throttle = await loginThrottle(app, signInFailures);

  app.post('/api/admin/login', { schema: { body: LoginRequest, response: { 200: UserBody, 401: ErrorResponse, 403: ErrorResponse, 429: ErrorResponse } } }, async (request, reply) => {
    // Even signing in must come from the console, so no other site can sign a browser in.
    if (request.headers[CONSOLE_HEADER] !== '1') throw new AppError(403, 'csrf', `Sign in from the console (the ${CONSOLE_HEADER} header is missing).`);
    const signedIn = await throttle.attempt(request, reply, () => auth.login(request.body.username, request.body.password));
    if (!signedIn) return reply;
    setSessionCookie(request, reply, signedIn.token);
    return { user: signedIn.user };
  });

  app.post('/api/admin/logout', async (request, reply) => {
    await requireAdmin(auth, request, ADMIN_ROLES);
    await auth.logout(request.cookies[SESSION_COOKIE]!);
    clearSessionCookie(reply);
    return reply.code(204).send();
  });

  app.get('/api/admin/me', { schema: { response: { 200: UserBody, 401: ErrorResponse } } }, async (request) => ({ user: await requireAdmin(auth, request, ADMIN_ROLES) }));
};
