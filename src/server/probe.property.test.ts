/**
 * The outside probe's holes (issue 24), as properties over random and hostile input against the
 * real server, broker and espeak-ng: spoken text never reaches espeak-ng as an option and never
 * answers 5xx; a packet that declares more than the broker takes is cut before sign-in; a kiosk
 * never reads or replays another kiosk's order with its approval code.
 */
import net from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderResponse } from '../contracts/http';
import { EMBEDDED_BROKER, startTestServer, type TestServer } from '../test-support/test-server';
import { DEFAULT_BROKER_LIMITS } from './iot/broker-limits';

let server: TestServer;
const tried = { speech: 0, packets: 0, orders: 0 };
const bearer: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer({ env: EMBEDDED_BROKER });
  for (const id of ['kiosk-p1', 'kiosk-p2']) bearer[id] = `Bearer ${(await server.devices.register({ id, storeId: server.config.storeId, kind: 'kiosk' })).credential}`;
}, 60_000);
afterAll(async () => {
  console.log(`security probe property tests: ${tried.speech} spoken texts, ${tried.packets} oversized MQTT packets before sign-in, ${tried.orders} cross-kiosk order reads and key replays`);
  await server.close();
}, 60_000);

/** Text as a prober would write it: options, paths, markup, control characters, Korean and English words. */
const hostileText = fc.oneof(
  fc.string({ maxLength: 320 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.tuple(fc.constantFrom('-', '--', '-f', '-qXf', '--stdin', '-w', '--path=', '-m <speak>'), fc.constantFrom('/etc/passwd', '/etc/hostname', '', '/proc/self/environ', ' 안녕')).map(([option, value]) => `${option}${value}`),
  fc.constantFrom('메뉴 12개 중 3번째, 김치찌개, 9,000원, 선택하려면 확인', '합계 18,000원이에요.', 'Kimchi stew (large) · 10% off?'),
);

describe('security probe properties', { timeout: 300_000 }, () => {
  it('speaks only plain text: never 5xx, never an option, always WAV when it speaks', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, fc.constantFrom('ko', 'en'), async (text, lang) => {
        tried.speech += 1;
        const response = await server.app.inject({ method: 'GET', url: `/api/speech?lang=${lang}&text=${encodeURIComponent(text)}` });
        expect(response.statusCode, text).toBeLessThan(500);
        if (text.startsWith('-')) expect(response.statusCode).toBe(400);
        if (response.statusCode === 200) expect(response.rawPayload.subarray(0, 4).toString('ascii')).toBe('RIFF');
      }),
      { numRuns: 150 },
    );
  });

  it('cuts a connection whose packet declares more than the broker takes before sign-in', async () => {
    const { hostname, port } = new URL(server.brokerUrl);
    const declared = fc.integer({ min: DEFAULT_BROKER_LIMITS.packetBytesBeforeSignIn + 1, max: 268_435_455 });
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 15 }), declared, fc.uint8Array({ maxLength: 256 }), async (type, length, junk) => {
        tried.packets += 1;
        const header = [type << 4];
        for (let rest = length; ; ) {
          const byte = rest % 128;
          rest = Math.floor(rest / 128);
          header.push(rest > 0 ? byte | 0x80 : byte);
          if (rest === 0) break;
        }
        const socket = net.connect(Number(port), hostname);
        socket.on('error', () => undefined);
        const closed = new Promise<boolean>((resolve) => {
          const timer = setTimeout(() => resolve(false), 2000);
          socket.once('close', () => (clearTimeout(timer), resolve(true)));
        });
        socket.write(Buffer.concat([Buffer.from(header), junk]));
        expect(await closed, `type ${type}, ${length} bytes declared`).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("never gives a kiosk another kiosk's order or approval code, by id or by key", async () => {
    const order = (kiosk: string, body: unknown, key: string) =>
      server.app.inject({ method: 'POST', url: '/api/orders', headers: { authorization: bearer[kiosk]!, 'content-type': 'application/json', 'idempotency-key': key }, payload: JSON.stringify(body) });
    await fc.assert(
      fc.asyncProperty(fc.uuid(), fc.integer({ min: 1, max: 5 }), fc.boolean(), async (key, quantity, offline) => {
        tried.orders += 1;
        const body = { items: [{ itemId: 'kimchi-stew', quantity }], diningOption: 'takeout' };
        const placed = await order('kiosk-p1', body, `probe-${key}`);
        expect(placed.statusCode).toBe(201);
        const { id, payment } = placed.json<OrderResponse>();
        const read = await server.app.inject({ method: 'GET', url: `/api/orders/${id}`, headers: { authorization: bearer['kiosk-p2']! } });
        expect(read.statusCode).toBe(404);
        const replay = await order('kiosk-p2', offline ? { ...body, offline: { number: 'K2-1' } } : body, `probe-${key}`);
        expect(replay.statusCode).toBe(offline ? 201 : 409);
        expect(replay.body).not.toContain(payment.approvalCode);
      }),
      { numRuns: 60 },
    );
  });
});
