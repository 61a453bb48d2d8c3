/**
 * Slow and unwelcome clients (issue 24): headers, bodies and idle kept-alive connections have
 * deadlines, and a credential is checked before a body is read. Raw sockets against the real server.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { HTTP_HEADERS_TIMEOUT_MS: '1000', HTTP_REQUEST_TIMEOUT_MS: '2000', HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000' } });
});
afterAll(() => server.close());

/** A raw connection that collects what the server answers and notes when it closes. */
async function connect(): Promise<{ socket: net.Socket; answer: () => string; closedWithin: (ms: number) => Promise<boolean> }> {
  const { hostname, port } = new URL(server.url);
  const socket = await new Promise<net.Socket>((resolve, reject) => {
    const opened = net.connect(Number(port), hostname, () => resolve(opened));
    opened.once('error', reject);
  });
  socket.on('error', () => undefined);
  let answer = '';
  socket.on('data', (chunk: Buffer) => (answer += chunk.toString('latin1')));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return {
    socket,
    answer: () => answer,
    closedWithin: (ms) => Promise.race([closed.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]),
  };
}

/** Writes `lines` one at a time, `everyMs` apart, while the socket is open (a slowloris client). */
function dribble(socket: net.Socket, lines: string[], everyMs: number): void {
  let next = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || next >= lines.length) return clearInterval(timer);
    socket.write(lines[next++]!);
  }, everyMs);
}

describe('slow clients', () => {
  it('are cut when their headers take longer than the header deadline', async () => {
    const client = await connect();
    client.socket.write('GET /api/health HTTP/1.1\r\nHost: kiosk\r\n');
    dribble(client.socket, Array.from({ length: 40 }, (_, line) => `X-Slow-${line}: 1\r\n`), 250);
    expect(await client.closedWithin(6000)).toBe(true);
  });

  it('are cut when their body takes longer than the request deadline', async () => {
    const client = await connect();
    client.socket.write('POST /api/orders HTTP/1.1\r\nHost: kiosk\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"items":');
    dribble(client.socket, Array.from({ length: 40 }, () => ' '), 250);
    expect(await client.closedWithin(8000)).toBe(true);
  });

  it('are cut when a kept-alive connection sits idle', async () => {
    const client = await connect();
    client.socket.write('GET /api/health HTTP/1.1\r\nHost: kiosk\r\n\r\n');
    expect(await client.closedWithin(5000)).toBe(true);
    expect(client.answer()).toMatch(/^HTTP\/1\.1 200/);
  });
});

describe('credentials before bodies', () => {
  it.each([
    ['a camera frame without a credential', 'POST /api/vision/decide?kiosk=kiosk-1', 'image/jpeg', ''],
    ['a camera frame from a kiosk', 'POST /api/vision/decide?kiosk=kiosk-1', 'image/jpeg', 'kiosk'],
    ['an order with an unknown credential', 'POST /api/orders', 'application/json', 'nobody.secret'],
    ['a kitchen status change without a credential', 'POST /api/orders/00000000-0000-4000-8000-000000000000/status', 'application/json', ''],
    ['a dish picture without a console session', 'PUT /api/admin/menu/items/kimchi-stew/picture', 'image/jpeg', ''],
  ])('refuse %s before reading its 3 MB body', async (_what, requestLine, contentType, credential) => {
    const bearer = credential === 'kiosk' ? (await server.devices.register({ id: `kiosk-body-${Date.now()}`, storeId: 'store-1', kind: 'kiosk' })).credential : credential;
    const client = await connect();
    client.socket.write(
      `${requestLine} HTTP/1.1\r\nHost: kiosk\r\nContent-Type: ${contentType}\r\nContent-Length: ${3 * 1024 * 1024}\r\n${bearer ? `Authorization: Bearer ${bearer}\r\n` : ''}\r\n`,
    );
    client.socket.write(Buffer.alloc(1024, 0xff));
    // The answer comes while the body is still unsent (it never will be): well before the 2 s request deadline.
    await expect.poll(() => client.answer(), { timeout: 1500 }).toMatch(/^HTTP\/1\.1 40[13]/);
    client.socket.destroy();
  });
});
