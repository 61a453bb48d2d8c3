/** MQTT_URL: the same server publishes to an external broker (Debian's mosquitto) instead of its own. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { OrderResponse } from '../../contracts/http';
import { OrderMessage, parseMessage } from '../../iot/messages';
import { topics } from '../../iot/topics';
import { startMosquitto, type Mosquitto } from '../../test-support/mosquitto';
import { listen } from '../../test-support/mqtt-listener';
import { startTestServer, type TestServer } from '../../test-support/test-server';

let mosquitto: Mosquitto;
let server: TestServer;

beforeAll(async () => {
  mosquitto = await startMosquitto();
  server = await startTestServer({ env: { MQTT_URL: mosquitto.url } });
});
afterAll(async () => {
  await server?.close();
  await mosquitto?.stop();
});

it('publishes orders and staff calls to mosquitto', async () => {
  expect(server.brokerUrl).toBe(mosquitto.url);
  const device = await listen(mosquitto.url);
  await device.client.subscribeAsync('store/store-1/#', { qos: 1 });
  const response = await fetch(`${server.url}/api/orders`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ items: [{ itemId: 'bibimbap', quantity: 1 }], diningOption: 'dine_in' }),
  });
  const order = (await response.json()) as OrderResponse;
  const message = parseMessage(OrderMessage, (await device.next((received) => received.topic === topics.orders('store-1'))).payload);
  expect(message.order).toMatchObject({ id: order.id, orderNumber: order.orderNumber, status: 'paid' });
  await fetch(`${server.url}/api/staff-calls`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  await device.next((received) => received.topic === topics.staffCalls('store-1'));
  // The embedded broker is not started when an external one is named: nothing serves /mqtt.
  const refused = await new Promise<boolean>((resolve) => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/mqtt`, 'mqtt');
    socket.once('open', () => (socket.close(), resolve(false)));
    socket.once('error', () => resolve(true));
  });
  expect(refused).toBe(true);
  await device.close();
});
