/**
 * Console requests carry a session cookie (HttpOnly, SameSite=Strict, Secure over HTTPS). Every
 * console route names the roles it serves; a change also needs the console's own header, which a
 * page of another site cannot send, so a forged form or link changes nothing.
 */
import type {} from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors';
import { SESSION_HOURS, type AdminAuthService, type AdminRole, type AdminUser } from '../../services/admin-auth.service';

export const SESSION_COOKIE = 'neulbom_admin';
export const CONSOLE_HEADER = 'x-neulbom-console';

export async function requireAdmin(auth: AdminAuthService, request: FastifyRequest, roles: readonly AdminRole[]): Promise<AdminUser> {
  const token = request.cookies[SESSION_COOKIE];
  const user = token ? await auth.userOf(token) : null;
  if (!user) throw new AppError(401, 'unauthenticated', 'Sign in to the console first.');
  if (request.method !== 'GET' && request.headers[CONSOLE_HEADER] !== '1') {
    throw new AppError(403, 'csrf', `Console changes must come from the console (the ${CONSOLE_HEADER} header is missing).`);
  }
  if (!roles.includes(user.role)) throw new AppError(403, 'forbidden', `This needs the ${roles.join(' or ')} role; you are ${user.role}.`);
  return user;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    maxAge: SESSION_HOURS * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
