/**
 * The store's devices over the real broker: an order paid at the kiosk reaches the kitchen display
 * within a second, the kitchen's "ready" reaches the pickup board (and is called out), and a staff
 * call reaches the pager. A kiosk that is not the server's own screen orders only once paired.
 */
import { describe, expect, it } from 'vitest';
import { pairingLink } from '../src/server/seed/demo-devices';
import { EMBEDDED_BROKER } from '../src/test-support/test-server';
import { axeViolations } from './support/accessibility';
import { kitchen, openDevicePage, pager, pickup } from './support/device-pages';
import { spokenTexts, useKioskHarness } from './support/harness';
import { startKioskServer } from './support/kiosk-server';
import { cart, dining, done, header, item, menu, oneDishToPayment, openKiosk, payment, waitForPhase, welcome } from './support/kiosk-tour';

// The pages reach the broker over WebSocket on /mqtt with their own credentials: the embedded
// broker in every run, as Debian's mosquitto has no WebSocket listener.
const harness = useKioskHarness(EMBEDDED_BROKER);
const LANDSCAPE = { viewport: { width: 1280, height: 800 } };

describe('kitchen display and pickup board', () => {
  it('shows a kiosk order within a second, and its number on the board once ready', async () => {
    const kitchenPage = await openDevicePage(await harness.newPage(LANDSCAPE), harness.server, 'kitchen', 'kitchen-e2e');
    const board = await openDevicePage(await harness.newPage(LANDSCAPE), harness.server, 'pickup', 'pickup-e2e');

    const kiosk = await openKiosk(await harness.newPage(), harness.server.url);
    await welcome.startStandard(kiosk);
    await menu.openItem(kiosk, 'kimchi-stew');
    await item.chooseOption(kiosk, 'spice', 'mild');
    await item.increase(kiosk);
    await item.add(kiosk);
    await menu.viewCart(kiosk);
    await cart.order(kiosk);
    await dining.takeout(kiosk);
    const placed = kiosk.waitForResponse((response) => response.url().endsWith('/api/orders') && response.status() === 201);
    await payment.insertApprovedCard(kiosk);
    await placed;
    // The order is pushed, not polled: it must be on the kitchen's screen within a second of being stored.
    await waitForPhase(kiosk, 'done');
    const number = await done.orderNumber(kiosk);
    await kitchen.card(kitchenPage, number).waitFor({ timeout: 1000 });
    const card = await kitchen.card(kitchenPage, number).innerText();
    expect(card).toContain('김치찌개 × 2');
    expect(card).toContain('순한맛');
    expect(card).toContain('포장');
    await board.locator('.cooking-numbers li', { hasText: String(number) }).waitFor();
    expect(await axeViolations(kitchenPage, 'kitchen display', { enhancedContrast: false })).toEqual([]);

    await kitchen.markReady(kitchenPage, number);
    await board.locator('.ready-numbers li', { hasText: String(number) }).waitFor();
    expect(await pickup.cookingNumbers(board)).not.toContain(String(number));
    await expect.poll(async () => (await spokenTexts(board)).map((spoken) => spoken.text)).toContain(`${number}번 고객님, 주문하신 음식이 나왔습니다.`);
    expect(await axeViolations(board, 'pickup board', { enhancedContrast: false })).toEqual([]);

    // Handed over: gone from both screens.
    await kitchen.markReady(kitchenPage, number);
    await kitchen.card(kitchenPage, number).waitFor({ state: 'detached' });
    await expect.poll(() => pickup.readyNumbers(board)).not.toContain(String(number));
    const stored = await harness.server.db.selectFrom('orders').select('status').where('order_number', '=', number).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    expect(stored.status).toBe('picked_up');
  });
});

describe('staff pager', () => {
  it('rings for a kiosk that calls staff, and clears when answered', async () => {
    const pagerPage = await openDevicePage(await harness.newPage(LANDSCAPE), harness.server, 'pager', 'pager-e2e');
    const kiosk = await openKiosk(await harness.newPage(), harness.server.url);
    await welcome.startStandard(kiosk);
    await header.callStaff(kiosk);
    const call = pager.call(pagerPage, harness.server.config.kioskId);
    await call.waitFor();
    expect(await call.innerText()).toContain('메뉴 화면');
    await expect.poll(async () => (await spokenTexts(pagerPage)).map((spoken) => spoken.text)).toContain(`${harness.server.config.kioskId}에서 직원을 찾습니다.`);
    expect(await axeViolations(pagerPage, 'staff pager', { enhancedContrast: false })).toEqual([]);
    await call.locator('.action').click();
    await call.waitFor({ state: 'detached' });
    const open = await harness.server.db.selectFrom('staff_calls').select('id').where('acknowledged_at', 'is', null).execute();
    expect(open).toEqual([]);
  });

  it('rings with the number of an offline order the server refused, so staff meet that customer at the counter', async () => {
    const pagerPage = await openDevicePage(await harness.newPage(LANDSCAPE), harness.server, 'pager', 'pager-refused-e2e');
    const response = await fetch(`${harness.server.url}/api/staff-calls`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refusedOfflineNumber: 'K1-9' }) });
    expect(response.status).toBe(201);
    const call = pagerPage.locator('.call.refused-order');
    await call.waitFor();
    expect(await call.innerText()).toContain('주문 K1-9 접수 실패');
    await expect.poll(async () => (await spokenTexts(pagerPage)).map((spoken) => spoken.text)).toContain(`${harness.server.config.kioskId}의 주문 K1-9이 접수되지 않았습니다. 카운터에서 확인해 주세요.`);
    expect(await axeViolations(pagerPage, 'staff pager, refused order', { enhancedContrast: false })).toEqual([]);
    await call.locator('.action').click();
    await call.waitFor({ state: 'detached' });
  });

  it('refuses to show anything without pairing, or after the device is revoked', async () => {
    const unpaired = await harness.newPage(LANDSCAPE);
    await unpaired.goto(`${harness.server.url}/devices/pager.html`);
    expect(await unpaired.locator('.device-problem').innerText()).toContain('연결 링크');
    const page = await openDevicePage(await harness.newPage(LANDSCAPE), harness.server, 'pager', 'pager-revoked');
    await harness.server.devices.revoke('pager-revoked');
    await page.reload();
    await expect.poll(() => page.locator('.device-problem').innerText()).toContain('해지');
  });
});

describe('a kiosk that must be paired (UNPAIRED_KIOSK=refuse)', () => {
  it('asks staff to pair it instead of taking orders, and orders as itself once paired', async () => {
    const strict = await startKioskServer({ ...EMBEDDED_BROKER, CAMERA_POLICY: 'off', UNPAIRED_KIOSK: 'refuse' });
    const kiosk = await harness.newPage();
    try {
      await kiosk.goto(strict.url);
      const notice = kiosk.locator('.kiosk-unpaired');
      await notice.waitFor();
      expect(await notice.innerText()).toContain('등록되지 않았어요');
      expect(await kiosk.locator('[data-phase="welcome"]').count()).toBe(0);
      expect(await axeViolations(kiosk, 'unpaired kiosk', { enhancedContrast: true })).toEqual([]);

      const { credential } = await strict.devices.register({ id: 'kiosk-door-e2e', storeId: strict.config.storeId, kind: 'kiosk' });
      await openKiosk(kiosk, `${strict.url}${pairingLink('kiosk', credential)}`);
      await oneDishToPayment(kiosk, 'cola', '음료');
      await payment.insertApprovedCard(kiosk);
      await waitForPhase(kiosk, 'done');
      const stored = await strict.db.selectFrom('orders').select('kiosk_id').where('order_number', '=', await done.orderNumber(kiosk)).executeTakeFirstOrThrow();
      expect(stored.kiosk_id).toBe('kiosk-door-e2e');
      await header.callStaff(kiosk);
      await expect.poll(async () => (await strict.db.selectFrom('staff_calls').select('kiosk_id').execute()).map((call) => call.kiosk_id)).toEqual(['kiosk-door-e2e']);
    } finally {
      await kiosk.context().close();
      await strict.close();
    }
  });
});
