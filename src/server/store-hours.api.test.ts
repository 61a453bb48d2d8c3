/** The store's week through the console's settings, and what kiosks get of it in /api/config. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KioskConfigResponse, StoreSettings } from '../contracts/http';
import { consoleSession, type ConsoleCaller } from '../test-support/console-session';
import { startTestServer, type TestServer } from '../test-support/test-server';

let server: TestServer;
let owner: ConsoleCaller;

beforeAll(async () => {
  server = await startTestServer();
  owner = await consoleSession(server, 'owner');
}, 60_000);
afterAll(() => server.close());

const config = async () => (await (await fetch(`${server.url}/api/config`)).json()) as KioskConfigResponse;

describe('opening hours in settings', () => {
  it('keeps weekday hours, closed weekdays and dates and the break, and hands them to kiosks', async () => {
    const week = {
      weekdayHours: [null, null, null, null, null, { open: '11:00', close: '02:00' }, null],
      closedWeekdays: [1],
      breakTime: { start: '15:00', end: '17:00' },
      closedDates: ['2026-12-25'],
    };
    const response = await owner('PATCH', '/api/admin/settings', week);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject(week);
    expect((await config()).hours).toMatchObject(week);
  });

  it('refuses a break that ends before it starts, and bad days, saying why and changing nothing', async () => {
    const before = (await (await owner('GET', '/api/admin/settings')).json()) as StoreSettings;
    const backwards = await owner('PATCH', '/api/admin/settings', { breakTime: { start: '17:00', end: '15:00' } });
    expect(backwards.status).toBe(400);
    expect(((await backwards.json()) as { message: string }).message).toContain('브레이크 타임은 시작이 끝보다 빨라야 해요');
    expect((await owner('PATCH', '/api/admin/settings', { closedWeekdays: [7] })).status).toBe(400);
    expect((await owner('PATCH', '/api/admin/settings', { weekdayHours: [null] })).status).toBe(400);
    expect((await owner('PATCH', '/api/admin/settings', { closedDates: ['2026-13-01'] })).status).toBe(400);
    expect(await (await owner('GET', '/api/admin/settings')).json()).toEqual(before);
  });
});
