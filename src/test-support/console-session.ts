/** A signed-in console user for API tests: the session cookie, and calls made with it as the console makes them. */
import { AdminRepository } from '../server/repositories/admin.repository';
import { AdminAuthService, type AdminRole } from '../server/services/admin-auth.service';
import type { TestServer } from './test-server';

export const CONSOLE_HEADERS = { 'x-neulbom-console': '1' };

/** `headers` replace the console's own header, e.g. `{}` to call as a page of another site would; a `Uint8Array` body is sent as it is. */
export type ConsoleCaller = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Response>;

/** A console user straight in the database (as `kiosk admin create` makes one); answers the password. */
export async function createConsoleUser(server: TestServer, username: string, role: AdminRole): Promise<string> {
  const password = `${username} password`;
  await new AdminAuthService(new AdminRepository(server.db)).createUser(username, password, role);
  return password;
}

/** Creates a user, signs in, and answers a caller that sends the session cookie (or none, for `null`). */
export async function consoleSession(server: TestServer, role: AdminRole | null): Promise<ConsoleCaller> {
  let cookie: string | null = null;
  if (role) {
    const username = `${role}-${Math.random().toString(36).slice(2, 8)}`;
    const password = await createConsoleUser(server, username, role);
    const response = await fetch(`${server.url}/api/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...CONSOLE_HEADERS }, body: JSON.stringify({ username, password }) });
    if (response.status !== 200) throw new Error(`Could not sign in as ${role}: HTTP ${response.status}`);
    cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  }
  // Bytes (a picture) go as they are, with the content type `headers` give; anything else as JSON.
  return (method, path, body, headers = CONSOLE_HEADERS) => {
    const raw = body instanceof Uint8Array;
    return fetch(`${server.url}${path}`, {
      method,
      headers: { ...(body === undefined || raw ? {} : { 'content-type': 'application/json' }), ...headers, ...(cookie ? { cookie } : {}) },
      ...(body === undefined ? {} : { body: raw ? new Uint8Array(body) : JSON.stringify(body) }),
    });
  };
}
