/** The owner builds the menu through the console's API: add, reorder and delete dishes and categories; prices checked. */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MenuResponse, OrderResponse } from '../contracts/http';
import { consoleSession, type ConsoleCaller } from '../test-support/console-session';
import { startTestServer, type TestServer } from '../test-support/test-server';

let server: TestServer;
let owner: ConsoleCaller;
let staff: ConsoleCaller;

beforeAll(async () => {
  server = await startTestServer();
  [owner, staff] = await Promise.all([consoleSession(server, 'owner'), consoleSession(server, 'staff')]);
}, 60_000);
afterAll(() => server.close());

const menu = async () => (await (await fetch(`${server.url}/api/menu`)).json()) as MenuResponse;
const order = (itemId: string) =>
  fetch(`${server.url}/api/orders`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items: [{ itemId, quantity: 1 }], diningOption: 'dine_in' }) });

describe('prices', () => {
  it('refuses a negative price with a message, changing nothing', async () => {
    const response = await owner('PATCH', '/api/admin/menu/items/cola', { price: -500 });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_price', message: expect.stringContaining('가격은 0원보다 작을 수 없어요') });
    expect((await menu()).items.find((item) => item.id === 'cola')?.price).toBe(2000);
    expect((await owner('POST', '/api/admin/menu/items', { ko: '물', en: 'Water', price: -1, categoryId: 'drinks' })).status).toBe(400);
  });
});

describe('dishes and categories', () => {
  it('adds a category and a dish the kiosk can sell, moves it, and deletes it while old orders keep it', async () => {
    const categoryResponse = await owner('POST', '/api/admin/menu/categories', { ko: '계절 메뉴', en: 'Seasonal' });
    expect(categoryResponse.status).toBe(201);
    const category = (await categoryResponse.json()) as { id: string };
    expect((await menu()).categories.at(-1)).toMatchObject({ id: category.id, ko: '계절 메뉴' });

    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#16a34a' } }).jpeg().toBuffer();
    const asPicture = { 'x-neulbom-console': '1', 'content-type': 'image/jpeg' };
    expect((await owner('PUT', `/api/admin/menu/categories/${category.id}/picture`, new TextEncoder().encode('not a picture'), asPicture)).status).toBe(400);
    expect((await owner('PUT', `/api/admin/menu/categories/${category.id}/picture`, photo, asPicture)).status).toBe(200);
    expect((await owner('PUT', '/api/admin/menu/categories/nope/picture', photo, asPicture)).status).toBe(404);
    expect((await staff('PUT', `/api/admin/menu/categories/${category.id}/picture`, photo, asPicture)).status).toBe(403);
    expect((await menu()).categories.find((entry) => entry.id === category.id)?.imageUrl).toMatch(new RegExp(`^/media/menu/category-${category.id}-[0-9a-f]{12}\\.webp$`));

    const added = await owner('POST', '/api/admin/menu/items', { ko: ' 콩국수 ', en: 'Kongguksu', price: 9500, categoryId: category.id, optionGroupIds: ['size'] });
    expect(added.status).toBe(201);
    const dish = (await added.json()) as { id: string };
    expect((await menu()).items.find((item) => item.id === dish.id)).toMatchObject({ ko: '콩국수', price: 9500, categoryId: category.id, optionGroupIds: ['size'], soldOut: false, imageUrl: null });
    const second = (await (await owner('POST', '/api/admin/menu/items', { ko: '팥빙수', en: 'Patbingsu', price: 8000, categoryId: category.id })).json()) as { id: string };

    expect((await owner('POST', `/api/admin/menu/items/${second.id}/move`, { direction: 'up' })).status).toBe(204);
    expect((await menu()).items.filter((item) => item.categoryId === category.id).map((item) => item.id)).toEqual([second.id, dish.id]);
    expect((await owner('POST', `/api/admin/menu/categories/${category.id}/move`, { direction: 'up' })).status).toBe(204);
    expect((await menu()).categories.map((entry) => entry.id).slice(-2)).toEqual([category.id, 'drinks']);

    const placed = await order(dish.id);
    expect(placed.status).toBe(201);
    const sold = (await placed.json()) as OrderResponse;

    const notEmpty = await owner('DELETE', `/api/admin/menu/categories/${category.id}`);
    expect(notEmpty.status).toBe(409);
    expect(((await notEmpty.json()) as { message: string }).message).toContain('콩국수');

    for (const id of [dish.id, second.id]) expect((await owner('DELETE', `/api/admin/menu/items/${id}`)).status).toBe(204);
    expect((await menu()).items.some((item) => item.id === dish.id)).toBe(false);
    expect((await order(dish.id)).status).toBe(400);
    const kept = (await (await fetch(`${server.url}/api/orders/${sold.id}`)).json()) as OrderResponse;
    expect(kept.lines[0]).toMatchObject({ itemId: dish.id, ko: '콩국수', unitPrice: 9500 });

    expect((await owner('DELETE', `/api/admin/menu/categories/${category.id}`)).status).toBe(204);
    expect((await menu()).categories.some((entry) => entry.id === category.id)).toBe(false);
    expect((await owner('DELETE', `/api/admin/menu/items/${dish.id}`)).status).toBe(404);
  });

  it('adds an option group, puts it on a dish and prices it, and deletes it only once no dish asks for it', async () => {
    const response = await owner('POST', '/api/admin/menu/option-groups', { ko: '얼음', en: 'Ice', values: [{ ko: '보통', en: 'Regular', extraPrice: 0 }, { ko: '많이', en: 'Extra', extraPrice: 500 }] });
    expect(response.status).toBe(201);
    const group = (await response.json()) as { id: string; values: { id: string }[] };
    expect(group.values.map((value) => value.id)).toEqual(['v1', 'v2']);
    expect((await owner('PATCH', '/api/admin/menu/items/cola', { optionGroupIds: [group.id] })).status).toBe(200);
    expect((await menu()).items.find((item) => item.id === 'cola')?.optionGroupIds).toEqual([group.id]);

    const placed = await fetch(`${server.url}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ itemId: 'cola', quantity: 1, options: { [group.id]: 'v2' } }], diningOption: 'takeout' }),
    });
    expect(((await placed.json()) as OrderResponse).total).toBe(2500);

    const inUse = await owner('DELETE', `/api/admin/menu/option-groups/${group.id}`);
    expect(inUse.status).toBe(409);
    expect(((await inUse.json()) as { message: string }).message).toContain('콜라');
    expect((await owner('PATCH', '/api/admin/menu/items/cola', { optionGroupIds: [] })).status).toBe(200);
    expect((await owner('DELETE', `/api/admin/menu/option-groups/${group.id}`)).status).toBe(204);
    expect((await menu()).optionGroups.some((candidate) => candidate.id === group.id)).toBe(false);
    expect((await owner('PATCH', '/api/admin/menu/items/cola', { optionGroupIds: [group.id] })).status).toBe(400);
    expect((await staff('PATCH', '/api/admin/menu/items/cola', { categoryId: 'meals' })).status).toBe(403);
  });

  it('renames and reorders option groups and their values, adds and removes values; old orders keep what they were sold with', async () => {
    const created = await owner('POST', '/api/admin/menu/option-groups', { ko: '맵기', en: 'Spice', values: [{ ko: '순한맛', en: 'Mild', extraPrice: 0 }, { ko: '매운맛', en: 'Hot', extraPrice: 0 }, { ko: '아주 매운맛', en: 'Very hot', extraPrice: 500 }] });
    const spice = (await created.json()) as MenuResponse['optionGroups'][number];
    const groupIds = async () => (await menu()).optionGroups.map((group) => group.id);
    const values = async () => (await menu()).optionGroups.find((group) => group.id === spice.id)!.values;
    expect((await owner('PATCH', '/api/admin/menu/items/cola', { optionGroupIds: [spice.id] })).status).toBe(200);
    const placed = await fetch(`${server.url}/api/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items: [{ itemId: 'cola', quantity: 1, options: { [spice.id]: 'v3' } }], diningOption: 'takeout' }),
    });
    const sold = (await placed.json()) as OrderResponse;

    const renamed = await owner('PATCH', `/api/admin/menu/option-groups/${spice.id}`, { ko: ' 매운 정도 ', en: 'Heat' });
    expect(renamed.status).toBe(200);
    expect(await renamed.json()).toMatchObject({ id: spice.id, ko: '매운 정도', en: 'Heat' });
    expect((await owner('PATCH', `/api/admin/menu/option-groups/${spice.id}`, {})).status).toBe(400);

    const before = await groupIds();
    expect((await owner('POST', `/api/admin/menu/option-groups/${spice.id}/move`, { direction: 'up' })).status).toBe(204);
    expect(await groupIds()).toEqual([...before.slice(0, -2), spice.id, before.at(-2)]);

    expect((await owner('POST', `/api/admin/menu/option-groups/${spice.id}/values/v2/move`, { direction: 'up' })).status).toBe(204);
    expect((await values()).map((value) => value.id)).toEqual(['v2', 'v1', 'v3']);
    const added = await owner('POST', `/api/admin/menu/option-groups/${spice.id}/values`, { ko: ' 불맛 ', en: 'Fire', extraPrice: 1000 });
    expect(added.status).toBe(201);
    const fire = ((await added.json()) as typeof spice).values.at(-1)!;
    expect(fire).toMatchObject({ ko: '불맛', en: 'Fire', extraPrice: 1000 });
    expect(['v1', 'v2', 'v3']).not.toContain(fire.id);

    expect((await owner('DELETE', `/api/admin/menu/option-groups/${spice.id}/values/v3`)).status).toBe(204);
    expect((await values()).map((value) => value.ko)).toEqual(['매운맛', '순한맛', '불맛']);
    const kept = (await (await fetch(`${server.url}/api/orders/${sold.id}`)).json()) as OrderResponse;
    expect(kept.lines[0]!.options).toEqual([expect.objectContaining({ groupId: spice.id, valueId: 'v3', ko: '아주 매운맛', extraPrice: 500 })]);

    for (const valueId of ['v1', fire.id]) expect((await owner('DELETE', `/api/admin/menu/option-groups/${spice.id}/values/${valueId}`)).status).toBe(204);
    const last = await owner('DELETE', `/api/admin/menu/option-groups/${spice.id}/values/v2`);
    expect(last.status).toBe(409);
    expect(await last.json()).toMatchObject({ error: 'last_option_value', message: expect.stringContaining('매운 정도의 마지막 값은 지울 수 없어요') });
    expect((await values()).map((value) => value.id)).toEqual(['v2']);

    expect((await owner('DELETE', `/api/admin/menu/option-groups/${spice.id}/values/v9`)).status).toBe(404);
    expect((await owner('POST', '/api/admin/menu/option-groups/nope/values', { ko: '값', en: 'Value', extraPrice: 0 })).status).toBe(404);
    expect((await owner('POST', '/api/admin/menu/option-groups/nope/move', { direction: 'up' })).status).toBe(404);
    expect((await owner('PATCH', '/api/admin/menu/option-groups/nope', { ko: '새' })).status).toBe(404);
    expect((await owner('POST', `/api/admin/menu/option-groups/${spice.id}/values`, { ko: '값', en: 'Value', extraPrice: -1 })).status).toBe(400);
    expect((await staff('PATCH', `/api/admin/menu/option-groups/${spice.id}`, { ko: '새' })).status).toBe(403);
    expect((await staff('DELETE', `/api/admin/menu/option-groups/${spice.id}/values/v2`)).status).toBe(403);
    expect((await owner('PATCH', '/api/admin/menu/items/cola', { optionGroupIds: [] })).status).toBe(200);
  });

  it('says what is unknown, and keeps building the menu to owners', async () => {
    expect(await (await owner('POST', '/api/admin/menu/items', { ko: '물', en: 'Water', price: 0, categoryId: 'nope' })).json()).toMatchObject({ error: 'unknown_category' });
    expect(await (await owner('POST', '/api/admin/menu/items', { ko: '물', en: 'Water', price: 0, categoryId: 'drinks', optionGroupIds: ['nope'] })).json()).toMatchObject({ error: 'unknown_option_group' });
    expect((await staff('POST', '/api/admin/menu/items', { ko: '물', en: 'Water', price: 0, categoryId: 'drinks' })).status).toBe(403);
    expect((await staff('DELETE', '/api/admin/menu/items/cola')).status).toBe(403);
    expect((await staff('POST', '/api/admin/menu/categories', { ko: '새', en: 'New' })).status).toBe(403);
  });
});
