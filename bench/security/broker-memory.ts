/**
 * What an unauthenticated MQTT client can make the embedded broker hold: connections that declare
 * a 256 MB CONNECT and then send junk, against the broker with its limits and with its packet-size
 * limit lifted (aedes as it was), side by side. Memory is the process's RSS growth after the junk is sent.
 */
import net from 'node:net';
import { DEFAULT_BROKER_LIMITS, type BrokerLimits } from '../../src/server/iot/broker-limits';
import { startEmbeddedBroker } from '../../src/server/iot/embedded-broker';

export type BrokerMemoryRun = { broker: string; connections: number; junkMb: number; rssGrowthMb: number; stillOpen: number };

const MAX_DECLARED = 268_435_455;

async function flood(url: string, connections: number, junkBytes: number): Promise<number> {
  const { hostname, port } = new URL(url);
  const chunk = Buffer.alloc(1024 * 1024, 0x61);
  const sockets = await Promise.all(
    Array.from({ length: connections }, () => new Promise<net.Socket>((resolve) => {
      const socket = net.connect(Number(port), hostname, () => resolve(socket));
      socket.on('error', () => undefined);
    })),
  );
  await Promise.all(
    sockets.map(async (socket) => {
      socket.write(Buffer.from([0x10, 0xff, 0xff, 0xff, 0x7f]));
      for (let sent = 0; sent < junkBytes && !socket.destroyed; sent += chunk.length) {
        if (!socket.write(chunk)) await drainedOrClosed(socket);
      }
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, 500));
  const open = sockets.filter((socket) => !socket.destroyed).length;
  for (const socket of sockets) socket.destroy();
  return open;
}

function drainedOrClosed(socket: net.Socket): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.on('drain', done);
    socket.on('close', done);
  });
}

async function run(broker: string, limits: BrokerLimits, connections: number, junkMb: number): Promise<BrokerMemoryRun> {
  const embedded = await startEmbeddedBroker({ host: '127.0.0.1', port: 0, signIn: async () => null, limits });
  try {
    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    const stillOpen = await flood(embedded.localUrl, connections, junkMb * 1024 * 1024);
    const rssGrowthMb = (process.memoryUsage().rss - before) / 1024 / 1024;
    return { broker, connections, junkMb, rssGrowthMb, stillOpen };
  } finally {
    await embedded.close();
  }
}

export async function measureBrokerMemory(connections = 4, junkMb = 32): Promise<BrokerMemoryRun[]> {
  const unlimited = { ...DEFAULT_BROKER_LIMITS, packetBytesBeforeSignIn: MAX_DECLARED, packetBytesAfterSignIn: MAX_DECLARED };
  return [await run('aedes, packet size unlimited', unlimited, connections, junkMb), await run('ours (limits)', DEFAULT_BROKER_LIMITS, connections, junkMb)];
}
