/** Security headers on every kind of answer, and the limit on failed console sign-ins. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { AdminRepository } from './repositories/admin.repository';
import { LOGIN_FAILURES_PER_ADDRESS, LOGIN_FAILURES_PER_USER } from './routes/admin/login-throttle';
import { AdminAuthService } from './services/admin-auth.service';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  const auth = new AdminAuthService(new AdminRepository(server.db));
  await auth.createUser('owner1', 'owner password 1', 'owner');
  await auth.createUser('staff1', 'staff password 1', 'staff');
}, 60_000);
afterAll(() => server.close(), 60_000);

function login(username: string, password: string): Promise<Response> {
  return fetch(`${server.url}/api/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-neulbom-console': '1' }, body: JSON.stringify({ username, password }) });
}

describe('security headers', () => {
  it.each([
    ['an API answer', 'GET', '/api/menu', 200],
    ['a refused request', 'POST', '/api/orders', 400],
    ['an unknown path', 'GET', '/no-such-page', 404],
  ])('come with %s', async (_what, method, path, status) => {
    const response = await fetch(`${server.url}${path}`, { method, ...(method === 'POST' ? { headers: { 'content-type': 'application/json' }, body: '{' } : {}) });
    expect(response.status).toBe(status);
    const csp = response.headers.get('content-security-policy')!;
    const directives = Object.fromEntries(csp.split(';').map((directive) => directive.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(' ')]));
    expect(directives).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self' 'wasm-unsafe-eval'",
      'style-src': "'self'",
      'connect-src': "'self'",
      'object-src': "'none'",
      'frame-ancestors': "'none'",
    });
    // Nothing remote and nothing inline, anywhere in the policy.
    expect(csp).not.toMatch(/https?:|unsafe-inline|'unsafe-eval'/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it("let device pages reach the store's own external broker, and nothing else", async () => {
    const external = await startTestServer({ env: { MQTT_WS_URL: 'wss://broker.shop.lan:8084/mqtt' } });
    try {
      const csp = (await fetch(`${external.url}/api/health`)).headers.get('content-security-policy')!;
      expect(csp).toContain("connect-src 'self' wss://broker.shop.lan:8084;");
    } finally {
      await external.close();
    }
  });
});

// Every sign-in runs scrypt (tens of ms, more on a busy machine): these tests get time for it.
describe('failed console sign-ins', { timeout: 60_000 }, () => {
  /** Failures from this test's one address so far, for the per-address limit. */
  let failedHere = 0;
  const failing = async (username: string, password: string) => {
    const response = await login(username, password);
    if (response.status === 401) failedHere += 1;
    return response;
  };

  it(`stop a user name after ${LOGIN_FAILURES_PER_USER} failures, even with the right password, and say when to come back`, async () => {
    for (let attempt = 0; attempt < LOGIN_FAILURES_PER_USER; attempt++) expect((await failing('owner1', `wrong password ${attempt}`)).status).toBe(401);
    const refused = await login('OWNER1', 'owner password 1');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(15 * 60);
    const { message } = (await refused.json()) as { message: string };
    expect(message).toMatch(/로그인 실패가 너무 많아요\. 15분 뒤에 다시 해 주세요\. · Too many failed sign-ins: try again in 15 min\./);
    expect((await login('owner1', 'owner password 1')).status).toBe(429);
  });

  it('keep the counts in the database: a restarted server still stops that name', async () => {
    await server.restart();
    expect((await login('owner1', 'owner password 1')).status).toBe(429);
  });

  it('count only failures: another user signs in from the same address as often as needed', async () => {
    for (let attempt = 0; attempt < LOGIN_FAILURES_PER_USER + 2; attempt++) expect((await login('staff1', 'staff password 1')).status).toBe(200);
  });

  it('let no more guesses through in a parallel burst than one at a time', async () => {
    const burst = await Promise.all(Array.from({ length: 12 }, (_, attempt) => failing('burst-target', `guess ${attempt}`)));
    const statuses = burst.map((response) => response.status).sort();
    expect(statuses).toEqual([...Array<number>(LOGIN_FAILURES_PER_USER).fill(401), ...Array<number>(12 - LOGIN_FAILURES_PER_USER).fill(429)]);
  });

  it(`stop an address after ${LOGIN_FAILURES_PER_ADDRESS} failures, whatever names it tries`, async () => {
    expect(failedHere).toBeLessThan(LOGIN_FAILURES_PER_ADDRESS);
    for (let guess = 0; failedHere < LOGIN_FAILURES_PER_ADDRESS; guess++) expect((await failing(`guess-${guess}`, 'not a password')).status).toBe(401);
    expect((await login('staff1', 'staff password 1')).status).toBe(429);
  });
});
