/**
 * Two servers on one PostgreSQL database, as behind a load balancer: they start together on an
 * empty database (migrated and seeded once), orders placed across both are numbered as one, and
 * failed console sign-ins spread across both meet one limit.
 * PostgreSQL only: SQLite is one server's own file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MenuResponse, OrderResponse } from '../contracts/http';
import { freshTestDatabase, testDatabaseKind, type TestDatabase } from '../test-support/test-database';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { AdminRepository } from './repositories/admin.repository';
import { LOGIN_FAILURES_PER_USER } from './routes/admin/login-throttle';
import { AdminAuthService } from './services/admin-auth.service';

describe.runIf(testDatabaseKind() === 'postgres')('two servers on one database', () => {
  let database: TestDatabase;
  let servers: TestServer[] = [];

  beforeAll(async () => {
    database = await freshTestDatabase();
    // Each with its own data folder, as on its own machine; only the database is shared.
    const started = await Promise.allSettled([startTestServer({ env: database.env }), startTestServer({ env: database.env })]);
    servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  }, 60_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await database?.drop();
  });

  it('seed one menu between them', async () => {
    const menus = await Promise.all(servers.map(async (server) => (await (await fetch(`${server.url}/api/menu`)).json()) as MenuResponse));
    expect(menus.map((menu) => menu.items.length)).toEqual([19, 19]);
  });

  it('number 40 orders placed at once across both 1 to 40, each once', async () => {
    const body = JSON.stringify({ items: [{ itemId: 'cola', quantity: 1 }], diningOption: 'takeout' });
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        fetch(`${servers[index % 2]!.url}/api/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
      ),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(40).fill(201));
    const numbers = await Promise.all(answers.map(async (answer) => ((await answer.json()) as OrderResponse).orderNumber));
    expect(numbers.toSorted((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
  });

  it('stop a console user name after its failures, however they are spread across the servers', async () => {
    await new AdminAuthService(new AdminRepository(servers[0]!.db)).createUser('shared-owner', 'shared password 1', 'owner');
    const login = (server: TestServer, password: string) =>
      fetch(`${server.url}/api/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-neulbom-console': '1' }, body: JSON.stringify({ username: 'shared-owner', password }) });
    for (let attempt = 0; attempt < LOGIN_FAILURES_PER_USER; attempt++) expect((await login(servers[attempt % 2]!, `wrong ${attempt}`)).status).toBe(401);
    expect((await Promise.all(servers.map((server) => login(server, 'shared password 1')))).map((answer) => answer.status)).toEqual([429, 429]);
  });
});
