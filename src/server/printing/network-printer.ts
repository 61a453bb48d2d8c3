/**
 * A printer on the network on raw TCP (port 9100 on most): ask its real-time status, and send the
 * ticket only when it can print it. A printer that does not answer counts as off.
 */
import net from 'node:net';
import { OFFLINE_CAUSE_REQUEST, PAPER_SENSOR_REQUEST, stateFromStatus, type PrinterState } from './printer-status';

export type NetworkPrinterAddress = { host: string; port: number };

export async function printOverTcp(address: NetworkPrinterAddress, bytes: Buffer, timeoutMs: number): Promise<PrinterState> {
  const socket = net.connect(address);
  socket.setTimeout(timeoutMs);
  const reader = byteReader(socket);
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
      socket.once('timeout', () => reject(new Error('timeout')));
    });
    socket.write(OFFLINE_CAUSE_REQUEST);
    const offlineCause = await reader.next();
    socket.write(PAPER_SENSOR_REQUEST);
    const paperSensor = await reader.next();
    const state = stateFromStatus(offlineCause, paperSensor);
    if (state !== 'ready') return state;
    await new Promise<void>((resolve, reject) => socket.end(bytes, () => resolve()).once('error', reject));
    return 'ready';
  } catch {
    return 'offline';
  } finally {
    socket.destroy();
  }
}

/** Hands out the socket's bytes one at a time, as status answers arrive. */
function byteReader(socket: net.Socket): { next: () => Promise<number> } {
  const received: number[] = [];
  let waiting: { resolve: (byte: number) => void; reject: (error: Error) => void } | null = null;
  const fail = (error: Error) => {
    waiting?.reject(error);
    waiting = null;
  };
  socket.on('data', (chunk: Buffer) => {
    received.push(...chunk);
    if (waiting && received.length > 0) {
      waiting.resolve(received.shift()!);
      waiting = null;
    }
  });
  socket.on('error', fail);
  socket.on('timeout', () => fail(new Error('The printer did not answer its status request.')));
  socket.on('close', () => fail(new Error('The printer closed the connection.')));
  return {
    next: () =>
      received.length > 0
        ? Promise.resolve(received.shift()!)
        : new Promise<number>((resolve, reject) => {
            waiting = { resolve, reject };
          }),
  };
}
