/**
 * Retraining in the server, for real: the scheduler starts `kiosk model train` as a child process on
 * ~120 aaf-train faces (none from the frozen set; judged on 40 frozen faces). A child killed halfway
 * leaves the active model alone, its run ends `failed`, and the next check after the wait runs it
 * again to success; the console starts a run on demand (409 while one runs), reads versions, runs and
 * curves, promotes and rolls back; roles route by route.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelCurveResponse, ModelVersionResponse, ModelVersionsResponse, TrainingRunsResponse } from '../contracts/http';
import { localClock } from '../domain/operating-hours';
import { consoleSession, type ConsoleCaller } from '../test-support/console-session';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { aafRows, csvDatasetFolder } from '../test-support/datasets';
import { SHIPPED_HEAD_VERSION } from '../test-support/shipped-head';

const SHIPPED = SHIPPED_HEAD_VERSION;
const RETRY_AFTER_MS = 2000;
const faces = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-retrain-faces-'));
let server: TestServer;
const as: Record<'owner' | 'staff' | 'nobody', ConsoleCaller> = {} as never;

beforeAll(async () => {
  csvDatasetFolder(faces, aafRows({ 'senior-male': 20, 'senior-female': 20, 'general-male': 40, 'general-female': 40 }));
  server = await startTestServer({
    training: { checkEveryMs: 200, retryAfterMs: RETRY_AFTER_MS },
    env: { RETRAIN_DATA_DIR: faces, RETRAIN_FROZEN_LIMIT: '40' },
  });
  [as.owner, as.staff, as.nobody] = await Promise.all([consoleSession(server, 'owner'), consoleSession(server, 'staff'), consoleSession(server, null)]);
  // Copying the faces, a fresh database and broker, and two scrypt sign-ins, on a busy machine.
}, 60_000);
afterAll(async () => {
  await server?.close();
  fs.rmSync(faces, { recursive: true, force: true });
});

const runs = async () => ((await (await as.staff('GET', '/api/admin/models/runs')).json()) as TrainingRunsResponse).runs;
const versions = async () => ((await (await as.staff('GET', '/api/admin/models/versions')).json()) as ModelVersionsResponse).versions;
const statuses = async () => Object.fromEntries((await versions()).map((version) => [version.version, version.status]));
/** Opening hours that leave the store closed now (two hours from now until three), or always open. */
const closedNow = () => {
  const hour = (offset: number) => `${String((Number(localClock(new Date(), server.config.timeZone).slice(0, 2)) + offset) % 24).padStart(2, '0')}:00`;
  return { open: hour(2), close: hour(3) };
};
const setHours = async (operatingHours: { open: string; close: string }) => expect((await as.owner('PATCH', '/api/admin/settings', { operatingHours })).status).toBe(200);
const POLL = { timeout: 240_000, interval: 200 };
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('who may do what', () => {
  const routes = [
    { method: 'GET', path: '/api/admin/models/versions', staff: 200 },
    { method: 'GET', path: '/api/admin/models/runs', staff: 200 },
    { method: 'GET', path: `/api/admin/models/versions/${SHIPPED}/curve`, staff: 200 },
    { method: 'POST', path: '/api/admin/models/train', staff: 403 },
    { method: 'POST', path: `/api/admin/models/versions/${SHIPPED}/promote`, staff: 403 },
    { method: 'POST', path: '/api/admin/models/rollback', staff: 403 },
  ];
  it.each(routes)('$method $path: 401 signed out, $staff for staff', async ({ method, path: route, staff }) => {
    expect((await as.nobody(method, route)).status).toBe(401);
    expect((await as.staff(method, route)).status).toBe(staff);
  });

  it('starts nothing without the console header, even for an owner; bad version names are 400', async () => {
    expect((await as.owner('POST', '/api/admin/models/train', undefined, {})).status).toBe(403);
    expect((await as.staff('GET', '/api/admin/models/versions/..%2Fx/curve')).status).toBe(400);
    expect(await runs()).toEqual([]);
  });
});

describe('retraining', () => {
  it('lists the shipped head, active, without curves; its curve is empty, an unknown version is 404', async () => {
    const [shipped] = await versions();
    expect(shipped).toMatchObject({ version: SHIPPED, status: 'active', metrics: { source: 'model-card', frozenSet: { n: 1165 } }, lineage: { sampleCount: 0 } });
    expect(shipped).not.toHaveProperty('curve');
    expect(await (await as.staff('GET', `/api/admin/models/versions/${SHIPPED}/curve`)).json()).toEqual({ version: SHIPPED, curve: [] });
    expect((await as.staff('GET', '/api/admin/models/versions/nope/curve')).status).toBe(404);
  });

  it('does not train while the store is open; once closed, a run killed halfway fails cleanly and the next check trains to success', { timeout: 300_000 }, async () => {
    // The test server's store is always open: several checks have passed and started nothing.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await runs()).toEqual([]);

    await setHours(closedNow());
    await expect.poll(async () => (await runs()).length, POLL).toBe(1);
    const [first] = await runs();
    expect(first).toMatchObject({ status: 'running', trigger: 'schedule' });
    expect((await as.owner('POST', '/api/admin/models/train')).status).toBe(409);

    // The child records its own pid on its run row: kill it as a crash or an OOM killer would.
    const { pid } = await server.db.selectFrom('training_runs').select('pid').where('id', '=', first!.id).executeTakeFirstOrThrow();
    expect(pid).not.toBe(process.pid);
    process.kill(pid!, 'SIGKILL');
    await expect.poll(async () => (await runs()).find((run) => run.id === first!.id)?.status, POLL).toBe('failed');
    const failed = (await runs()).find((run) => run.id === first!.id)!;
    expect(failed.error).toContain('stopped before it finished');
    expect(await statuses()).toEqual({ [SHIPPED]: 'active' });
    expect(await (await fetch(`${server.url}/models/group-head/model.json`)).json()).toMatchObject({ version: SHIPPED });

    // The next check waits out the retry delay (no hot loop), then trains again, to the end.
    await expect.poll(async () => (await runs()).length, POLL).toBe(2);
    const second = (await runs()).find((run) => run.id !== first!.id)!;
    expect(Date.parse(second.startedAt!) - Date.parse(failed.finishedAt!)).toBeGreaterThanOrEqual(RETRY_AFTER_MS - 50);
    await expect.poll(async () => (await runs()).find((run) => run.id === second.id)?.status, POLL).toBe('succeeded');
    const done = (await runs()).find((run) => run.id === second.id)!;
    expect(done).toMatchObject({ trigger: 'schedule', error: null, version: expect.any(String) });
    const trained = (await versions()).find((version) => version.version === done.version)!;
    expect(trained).toMatchObject({ lineage: { sampleCount: 120, sources: [faces] }, metrics: { source: 'frozen-set', frozenSet: { n: expect.closeTo(40, -1) } } });

    // Just trained, nothing new: the schedule rests even though the store is still closed.
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(await runs()).toHaveLength(2);
  });

  it('trains on demand whatever the hour, one run at a time', { timeout: 300_000 }, async () => {
    await setHours({ open: '00:00', close: '00:00' });
    // The last run's process may still be exiting after it recorded its result: until it is gone, a new run waits.
    const { pid } = await server.db.selectFrom('training_runs').select('pid').where('status', '=', 'succeeded').executeTakeFirstOrThrow();
    await expect.poll(() => isAlive(pid!), POLL).toBe(false);
    const started = await as.owner('POST', '/api/admin/models/train');
    expect({ status: started.status, body: await started.json() }).toEqual({ status: 202, body: { message: 'Training started.' } });
    expect((await as.owner('POST', '/api/admin/models/train')).status).toBe(409);
    await expect.poll(async () => (await runs()).filter((run) => run.trigger === 'manual').map((run) => run.status), POLL).toEqual(['succeeded']);
    expect(await runs()).toHaveLength(3);
  });

  it("shows a trained version's curve, promotes it by hand and rolls back", async () => {
    const trained = (await runs())[0]!.version!;
    const { curve } = (await (await as.staff('GET', `/api/admin/models/versions/${trained}/curve`)).json()) as ModelCurveResponse;
    expect(curve.length).toBeGreaterThan(10);
    expect(curve[0]).toEqual({ l2: expect.any(Number), epoch: expect.any(Number), loss: expect.any(Number), accuracy: expect.any(Number) });

    if ((await statuses())[trained] === 'active') expect((await as.owner('POST', '/api/admin/models/rollback')).status).toBe(200);
    const promoted = await as.owner('POST', `/api/admin/models/versions/${trained}/promote`);
    expect(promoted.status).toBe(200);
    expect((await promoted.json()) as ModelVersionResponse).toMatchObject({ version: trained, status: 'active', previousVersion: SHIPPED });
    expect((await as.owner('POST', `/api/admin/models/versions/${trained}/promote`)).status).toBe(409);
    expect((await as.owner('POST', '/api/admin/models/versions/nope/promote')).status).toBe(404);
    const rolledBack = await as.owner('POST', '/api/admin/models/rollback');
    expect((await rolledBack.json()) as ModelVersionResponse).toMatchObject({ version: SHIPPED, status: 'active' });
    expect((await statuses())[trained]).toBe('retired');
    expect((await as.owner('POST', '/api/admin/models/rollback')).status).toBe(409);
  });
});
