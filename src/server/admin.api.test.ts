/** The operator console's API: sign-in, roles enforced route by route, and what each page changes. */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminDevice, AdminOrdersResponse, AnalyticsResponse, KioskConfigResponse, MenuResponse, NewDeviceResponse, StoreSettings } from '../contracts/http';
import { KioskStatusMessage, encodeMessage } from '../iot/messages';
import { topics } from '../iot/topics';
import { listen } from '../test-support/mqtt-listener';
import { startTestServer, type TestServer } from '../test-support/test-server';
import { AdminRepository } from './repositories/admin.repository';
import { AdminAuthService } from './services/admin-auth.service';

let server: TestServer;
const cookies: Record<'owner' | 'staff', string> = { owner: '', staff: '' };
const CONSOLE = { 'x-neulbom-console': '1' };

async function login(username: string, password: string, headers: Record<string, string> = CONSOLE): Promise<Response> {
  return fetch(`${server.url}/api/admin/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ username, password }) });
}

function call(method: string, path: string, as: 'owner' | 'staff' | null, body?: unknown, headers: Record<string, string> = CONSOLE): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { ...headers, ...(as ? { cookie: cookies[as] } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

beforeAll(async () => {
  server = await startTestServer();
  const auth = new AdminAuthService(new AdminRepository(server.db));
  await auth.createUser('owner1', 'owner password 1', 'owner');
  await auth.createUser('staff1', 'staff password 1', 'staff');
  for (const [role, username, password] of [['owner', 'owner1', 'owner password 1'], ['staff', 'staff1', 'staff password 1']] as const) {
    const response = await login(username, password);
    expect(response.status).toBe(200);
    cookies[role] = response.headers.get('set-cookie')!.split(';')[0]!;
  }
});
afterAll(() => server.close());

describe('signing in', () => {
  it('sets a strict, HttpOnly session cookie and refuses wrong or foreign sign-ins alike', async () => {
    const response = await login('owner1', 'owner password 1');
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const wrongPassword = await login('owner1', 'not the password');
    const noSuchUser = await login('nobody', 'not the password');
    expect([wrongPassword.status, noSuchUser.status]).toEqual([401, 401]);
    expect(await wrongPassword.json()).toEqual(await noSuchUser.json());
    expect((await login('owner1', 'owner password 1', {})).status).toBe(403);
  });

  it('ends the session on sign-out', async () => {
    const cookie = (await login('staff1', 'staff password 1')).headers.get('set-cookie')!.split(';')[0]!;
    expect((await fetch(`${server.url}/api/admin/me`, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${server.url}/api/admin/logout`, { method: 'POST', headers: { cookie, ...CONSOLE } })).status).toBe(204);
    expect((await fetch(`${server.url}/api/admin/me`, { headers: { cookie } })).status).toBe(401);
  });
});

describe('roles, route by route', () => {
  const routes: { method: string; path: string; body?: unknown; staff: number }[] = [
    { method: 'GET', path: '/api/admin/me', staff: 200 },
    { method: 'GET', path: '/api/admin/orders', staff: 200 },
    { method: 'GET', path: '/api/admin/analytics', staff: 200 },
    { method: 'GET', path: '/api/admin/staff-calls', staff: 200 },
    { method: 'GET', path: '/api/admin/devices', staff: 200 },
    { method: 'GET', path: '/api/admin/settings', staff: 200 },
    { method: 'PATCH', path: '/api/admin/menu/items/cola', body: { soldOut: false }, staff: 200 },
    { method: 'PATCH', path: '/api/admin/menu/items/cola', body: { price: 2500 }, staff: 403 },
    { method: 'PATCH', path: '/api/admin/settings', body: { retentionDays: 30 }, staff: 403 },
    { method: 'POST', path: '/api/admin/devices', body: { id: 'pager-9', kind: 'pager' }, staff: 403 },
    { method: 'PATCH', path: '/api/admin/menu/options/spice/mild', body: { extraPrice: 0 }, staff: 403 },
    { method: 'PUT', path: '/api/admin/menu/items/cola/picture', body: {}, staff: 403 },
    { method: 'POST', path: '/api/admin/devices/pager-9/revoke', staff: 403 },
  ];

  it.each(routes)('$method $path: 401 signed out, $staff for staff', async ({ method, path, body, staff }) => {
    expect((await call(method, path, null, body)).status).toBe(401);
    expect((await call(method, path, 'staff', body)).status).toBe(staff);
  });

  it('refuses changes without the console header, even from an owner', async () => {
    expect((await call('PATCH', '/api/admin/settings', 'owner', { retentionDays: 30 }, {})).status).toBe(403);
    expect((await call('PATCH', '/api/admin/menu/items/cola', 'staff', { soldOut: true }, {})).status).toBe(403);
  });
});

describe('what the pages change', () => {
  it('edits a dish: price, names and aliases by the owner, sold out by staff; kiosks see it', async () => {
    const edited = await call('PATCH', '/api/admin/menu/items/kimchi-jeon', 'owner', { price: 8500, aliases: [' 김치 부침개 ', '부침개', '부침개'] });
    expect(edited.status).toBe(200);
    expect((await call('PATCH', '/api/admin/menu/items/kimchi-jeon', 'staff', { soldOut: true })).status).toBe(200);
    const menu = (await (await fetch(`${server.url}/api/menu`)).json()) as MenuResponse;
    expect(menu.items.find((item) => item.id === 'kimchi-jeon')).toMatchObject({ price: 8500, soldOut: true, aliases: ['김치 부침개', '부침개'] });
    const refused = await fetch(`${server.url}/api/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items: [{ itemId: 'kimchi-jeon', quantity: 1 }], diningOption: 'dine_in' }) });
    expect(refused.status).toBe(400);
    expect((await call('PATCH', '/api/admin/menu/items/no-such-dish', 'owner', { soldOut: true })).status).toBe(404);
    expect((await call('PATCH', '/api/admin/menu/items/cola', 'owner', { price: -1 })).status).toBe(400);
    expect((await call('PATCH', '/api/admin/menu/items/cola', 'owner', {})).status).toBe(400);
  });

  it('takes a new picture for a dish as a small WebP, and refuses what is not a picture', async () => {
    const upload = (body: Uint8Array, type: string, as: 'owner' | 'staff' = 'owner') =>
      fetch(`${server.url}/api/admin/menu/items/bibimbap/picture`, { method: 'PUT', headers: { ...CONSOLE, cookie: cookies[as], 'content-type': type }, body });
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#c2410c' } }).png().toBuffer();
    const response = await upload(new Uint8Array(photo), 'image/png');
    expect(response.status).toBe(200);
    const imageUrl = ((await response.json()) as { imageUrl: string }).imageUrl;
    expect(imageUrl).toMatch(/^\/media\/menu\/bibimbap-[0-9a-f]{12}\.webp$/);
    const served = await fetch(`${server.url}${imageUrl}`);
    expect(served.headers.get('content-type')).toBe('image/webp');
    expect(await sharp(Buffer.from(await served.arrayBuffer())).metadata()).toMatchObject({ format: 'webp', width: 640, height: 427 });

    expect((await upload(new TextEncoder().encode('<svg onload="alert(1)"></svg>'), 'image/png')).status).toBe(400);
    const tooWide = await sharp({ create: { width: 9000, height: 10, channels: 3, background: '#000' } }).png().toBuffer();
    expect((await upload(new Uint8Array(tooWide), 'image/png')).status).toBe(400);
    expect((await upload(new Uint8Array(photo), 'text/plain')).status).toBe(400);
    expect((await upload(new Uint8Array(photo), 'image/png', 'staff')).status).toBe(403);
    const menu = (await (await fetch(`${server.url}/api/menu`)).json()) as MenuResponse;
    expect(menu.items.find((item) => item.id === 'bibimbap')!.imageUrl).toBe(imageUrl);
  });

  it("changes an option's extra charge and voice aliases", async () => {
    expect((await call('PATCH', '/api/admin/menu/options/rice/extra', 'owner', { extraPrice: 1500, aliases: ['밥 추가', ' 공깃밥 더 '] })).status).toBe(204);
    const menu = (await (await fetch(`${server.url}/api/menu`)).json()) as MenuResponse;
    expect(menu.optionGroups.find((group) => group.id === 'rice')!.values.find((value) => value.id === 'extra')).toMatchObject({ extraPrice: 1500, aliases: ['공깃밥 더', '밥 추가'] });
    expect((await call('PATCH', '/api/admin/menu/options/rice/nothing', 'owner', { extraPrice: 1 })).status).toBe(404);
    expect((await call('PATCH', '/api/admin/menu/options/rice/extra', 'owner', { extraPrice: -5 })).status).toBe(400);
  });

  it('changes settings the kiosks follow, and refuses invalid ones whole', async () => {
    const changed = await call('PATCH', '/api/admin/settings', 'owner', { cameraPolicy: 'suggest', operatingHours: { open: '09:30', close: '21:00' } });
    expect(((await changed.json()) as StoreSettings).operatingHours).toEqual({ open: '09:30', close: '21:00' });
    expect(((await (await fetch(`${server.url}/api/config`)).json()) as KioskConfigResponse).cameraPolicy).toBe('suggest');
    const invalid = await call('PATCH', '/api/admin/settings', 'owner', { cameraPolicy: 'off', autoLabelThreshold: 3 });
    expect(invalid.status).toBe(400);
    expect((await call('PATCH', '/api/admin/settings', 'owner', { retrainAfterNewLabels: 0 })).status).toBe(400);
    expect((await call('PATCH', '/api/admin/settings', 'owner', { retrainAfterNewLabels: 2.5 })).status).toBe(400);
    const settings = (await (await call('GET', '/api/admin/settings', 'staff')).json()) as StoreSettings;
    expect(settings).toMatchObject({ cameraPolicy: 'suggest', autoLabelThreshold: 0.95, seniorAge: 60, collection: 'embeddings', retentionDays: 90, retrainEveryDays: 60, retrainAfterNewLabels: 500 });
    expect((await call('PATCH', '/api/admin/settings', 'owner', { operatingHours: { open: '25:00', close: '20:00' } })).status).toBe(400);
  });

  it("shows the day's orders with their count and revenue", async () => {
    await fetch(`${server.url}/api/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items: [{ itemId: 'bibimbap', quantity: 2 }], diningOption: 'dine_in' }) });
    const day = (await (await call('GET', '/api/admin/orders', 'staff')).json()) as AdminOrdersResponse;
    expect(day.summary.count).toBe(day.orders.length);
    expect(day.summary.revenue).toBe(day.orders.reduce((sum, order) => sum + order.total, 0));
    expect(day.orders[0]!.lines[0]!.itemId).toBe('bibimbap');
    expect((await call('GET', '/api/admin/orders?date=2020-01-01', 'staff').then((r) => r.json())) as AdminOrdersResponse).toMatchObject({ orders: [], summary: { count: 0, revenue: 0 } });
    expect((await call('GET', '/api/admin/orders?date=yesterday', 'staff')).status).toBe(400);
  });

  it('analyses the last days by group, hour and day, with easy mode and voice shares', async () => {
    const placed = await fetch(`${server.url}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ itemId: 'sujeonggwa', quantity: 3 }], diningOption: 'dine_in', customerGroup: 'senior_female', uiMode: 'easy', voiceUsed: true }),
    });
    expect(placed.status).toBe(201);
    const analytics = (await (await call('GET', '/api/admin/analytics?days=7', 'staff')).json()) as AnalyticsResponse;
    const seniors = analytics.byGroup.find((group) => group.group === 'senior_female')!;
    expect(seniors).toMatchObject({ orders: 1, easyModeShare: 1, voiceShare: 1 });
    expect(analytics.topItems.find((top) => top.group === 'senior_female')!.items[0]).toEqual({ itemId: 'sujeonggwa', ko: '수정과', quantity: 3 });
    expect(analytics.byHour.reduce((sum, hour) => sum + hour.orders, 0)).toBe(analytics.totals.orders);
    expect((await call('GET', '/api/admin/analytics?days=0', 'staff')).status).toBe(400);
  });

  it('pairs and revokes devices, and shows which kiosks are online', async () => {
    const added = (await (await call('POST', '/api/admin/devices', 'owner', { id: 'kiosk-2', kind: 'kiosk', name: '2번 키오스크' })).json()) as NewDeviceResponse;
    expect(added.pairingLink).toBe(`/#pair=${encodeURIComponent(added.credential)}`);
    const kiosk = await listen(server.brokerUrl, { username: 'kiosk-2', password: added.credential });
    await kiosk.client.publishAsync(topics.kioskStatus('store-1', 'kiosk-2'), encodeMessage(KioskStatusMessage, { v: 1, status: 'online', at: new Date().toISOString() }), { qos: 1, retain: true });
    await kiosk.close();
    await expect
      .poll(async () => ((await (await call('GET', '/api/admin/devices', 'staff')).json()) as { devices: AdminDevice[] }).devices.find((device) => device.id === 'kiosk-2')?.presence?.status)
      .toBe('online');
    expect((await call('POST', '/api/admin/devices/kiosk-2/revoke', 'owner')).status).toBe(204);
    expect((await fetch(`${server.url}/api/devices/me`, { headers: { authorization: `Bearer ${added.credential}` } })).status).toBe(401);
    expect((await call('POST', '/api/admin/devices/kiosk-2/revoke', 'owner')).status).toBe(404);
    expect((await call('POST', '/api/admin/devices', 'owner', { id: 'bad/id', kind: 'kiosk' })).status).toBe(400);
  });
});
