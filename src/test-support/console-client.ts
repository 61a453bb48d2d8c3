/** The console's API as a signed-in owner or staff member calls it (cookie and console header), for API tests. */
import { AdminRepository } from '../server/repositories/admin.repository';
import { AdminAuthService } from '../server/services/admin-auth.service';
import type { TestServer } from './test-server';

export const CONSOLE_HEADERS = { 'x-neulbom-console': '1' };
export type ConsoleRole = 'owner' | 'staff';

export type ConsoleClient = {
  /** `as: null` is no session at all; `headers` replace the console header (to leave it out). */
  call(method: string, path: string, as: ConsoleRole | null, body?: unknown, headers?: Record<string, string>): Promise<Response>;
};

/** Creates one owner and one staff member and signs both in. */
export async function signedInConsole(server: TestServer): Promise<ConsoleClient> {
  const auth = new AdminAuthService(new AdminRepository(server.db));
  const cookies = {} as Record<ConsoleRole, string>;
  for (const role of ['owner', 'staff'] as const) {
    const [username, password] = [`${role}-console`, `${role} console password`];
    await auth.createUser(username, password, role);
    const response = await fetch(`${server.url}/api/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...CONSOLE_HEADERS }, body: JSON.stringify({ username, password }) });
    if (response.status !== 200) throw new Error(`Could not sign in as ${role}: ${response.status}`);
    cookies[role] = response.headers.get('set-cookie')!.split(';')[0]!;
  }
  return {
    call: (method, path, as, body, headers = CONSOLE_HEADERS) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { ...headers, ...(as ? { cookie: cookies[as] } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  };
}
