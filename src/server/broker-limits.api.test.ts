/**
 * What one client may cost the embedded broker (issue 24): packet sizes before and after sign-in,
 * connections per address and in total, the time to sign in, and what a kiosk may publish. Real
 * TCP sockets and WebSockets against the real aedes broker.
 */
import net from 'node:net';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { topics } from '../iot/topics';
import { listen, type Listener } from '../test-support/mqtt-listener';
import { EMBEDDED_BROKER, startTestServer, type TestServer } from '../test-support/test-server';
import { startEmbeddedBroker, type EmbeddedBroker } from './iot/embedded-broker';
import { DEFAULT_BROKER_LIMITS } from './iot/broker-limits';

let server: TestServer;
const credentials: Record<string, string> = {};
const open: Listener[] = [];

beforeAll(async () => {
  server = await startTestServer({ env: EMBEDDED_BROKER });
  for (const [id, kind] of [['kitchen-limits', 'kitchen'], ['kiosk-big', 'kiosk'], ['kiosk-chatty', 'kiosk']] as const) {
    credentials[id] = (await server.devices.register({ id, storeId: 'store-1', kind })).credential;
  }
});
afterAll(async () => {
  await Promise.all(open.map((listener) => listener.close()));
  await server.close();
});

const webSocketUrl = () => `${server.url.replace('http', 'ws')}/mqtt`;
async function signIn(id: string, url = server.brokerUrl): Promise<Listener> {
  const listener = await listen(url, { username: id, password: credentials[id]! });
  open.push(listener);
  return listener;
}

/** A CONNECT's fixed header declaring MQTT's largest length (256 MB), then junk that never completes it. */
const HUGE_CONNECT = Buffer.concat([Buffer.from([0x10, 0xff, 0xff, 0xff, 0x7f]), Buffer.alloc(64 * 1024, 0x61)]);

function tcpSocket(url: string): Promise<net.Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Resolves true once the other side closes the socket, false if it is still open after `ms`. */
function closedWithin(socket: net.Socket | WebSocket, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    socket.once('close', () => (clearTimeout(timer), resolve(true)));
    socket.once('error', () => undefined);
  });
}

describe('before sign-in', () => {
  it('cuts a TCP connection whose first packet declares 256 MB', async () => {
    const socket = await tcpSocket(server.brokerUrl);
    socket.write(HUGE_CONNECT);
    expect(await closedWithin(socket, 3000)).toBe(true);
  });

  it('cuts a /mqtt WebSocket whose first packet declares 256 MB', async () => {
    const webSocket = new WebSocket(webSocketUrl(), 'mqtt');
    await new Promise((resolve, reject) => webSocket.once('open', resolve).once('error', reject));
    webSocket.send(HUGE_CONNECT);
    expect(await closedWithin(webSocket, 3000)).toBe(true);
  });

  it(`keeps at most ${DEFAULT_BROKER_LIMITS.connectionsPerAddress} connections from one address`, async () => {
    const sockets = await Promise.all(Array.from({ length: DEFAULT_BROKER_LIMITS.connectionsPerAddress + 6 }, () => tcpSocket(server.brokerUrl)));
    try {
      const closed = await Promise.all(sockets.map((socket) => closedWithin(socket, 1500)));
      // The server's own client is one of the address's connections too.
      expect(closed.filter(Boolean).length).toBeGreaterThanOrEqual(6);
      expect(closed.filter((isClosed) => !isClosed).length).toBeLessThan(DEFAULT_BROKER_LIMITS.connectionsPerAddress);
    } finally {
      for (const socket of sockets) socket.destroy();
    }
  });
});

describe('a broker with tight limits', () => {
  let broker: EmbeddedBroker;
  let web: Server;
  beforeAll(async () => {
    broker = await startEmbeddedBroker({ host: '127.0.0.1', port: 0, signIn: async () => null, limits: { ...DEFAULT_BROKER_LIMITS, signInTimeoutMs: 300, connections: 3 } });
    web = createServer();
    broker.attachWebSocket(web);
    await new Promise<void>((resolve) => web.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    broker.closeWebSockets();
    await new Promise((resolve) => web.close(resolve));
    await broker.close();
  });

  it('closes a connection that does not sign in in time', async () => {
    const socket = await tcpSocket(broker.localUrl);
    expect(await closedWithin(socket, 3000)).toBe(true);
  });

  it('keeps at most its total of connections, over TCP and WebSocket together', async () => {
    const sockets = await Promise.all([tcpSocket(broker.localUrl), tcpSocket(broker.localUrl)]);
    const { port } = web.address() as net.AddressInfo;
    const webSocket = new WebSocket(`ws://127.0.0.1:${port}/mqtt`, 'mqtt');
    await new Promise((resolve, reject) => webSocket.once('open', resolve).once('error', reject));
    const extra = await tcpSocket(broker.localUrl);
    try {
      expect(await closedWithin(extra, 250)).toBe(true);
    } finally {
      for (const socket of sockets) socket.destroy();
      webSocket.terminate();
    }
  });
});

describe('after sign-in', () => {
  it("keeps a kiosk's oversized messages from the kitchen: a 1 MB packet is cut, a 10 KB message refused", async () => {
    const kitchen = await signIn('kitchen-limits');
    await kitchen.client.subscribeAsync('store/store-1/#');
    const huge = await signIn('kiosk-big');
    const hugeClosed = new Promise<void>((resolve) => huge.client.once('close', () => resolve()));
    huge.client.publish(topics.kioskGroup('store-1', 'kiosk-big'), Buffer.alloc(1024 * 1024, 0x61));
    await hugeClosed;
    const big = await signIn('kiosk-big', webSocketUrl());
    const bigClosed = new Promise<void>((resolve) => big.client.once('close', () => resolve()));
    big.client.publish(topics.kioskGroup('store-1', 'kiosk-big'), Buffer.alloc(10 * 1024, 0x61));
    await bigClosed;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(kitchen.received.filter((message) => message.topic.includes('kiosk-big/group'))).toEqual([]);
  });

  it(`passes at most ${DEFAULT_BROKER_LIMITS.kioskPublishes} messages a minute from one kiosk`, async () => {
    const kitchen = await signIn('kitchen-limits');
    await kitchen.client.subscribeAsync(topics.kioskStatus('store-1', 'kiosk-chatty'));
    const kiosk = await signIn('kiosk-chatty');
    const status = JSON.stringify({ v: 1, status: 'online', at: new Date().toISOString() });
    for (let message = 0; message < DEFAULT_BROKER_LIMITS.kioskPublishes + 10; message++) {
      if (!kiosk.client.connected) break;
      kiosk.client.publish(topics.kioskStatus('store-1', 'kiosk-chatty'), status);
    }
    await expect.poll(() => kiosk.client.connected).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(kitchen.received.length).toBeGreaterThan(0);
    expect(kitchen.received.length).toBeLessThanOrEqual(DEFAULT_BROKER_LIMITS.kioskPublishes);
  });
});
