/**
 * Receipt printers for tests that answer ESC/POS real-time status requests (DLE EOT n) in the state
 * the test sets and record every other byte they are sent: a network printer (a TCP server on a
 * free port, one print per connection) and a serial one (a real pseudo-terminal pair made by socat:
 * the server writes to one end as to /dev/ttyUSB0, the printer reads the other; one print per cut).
 */
import { spawn } from 'node:child_process';
import { constants, openSync, writeSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tty from 'node:tty';
import { statusBytesOf, type PrinterState } from '../server/printing/printer-status';

type PrinterModel = {
  /** What it answers to status requests from now on. */
  state: PrinterState;
  /** The bytes of each print, in order. */
  printed: Buffer[];
  statusRequests: number;
  close(): Promise<void>;
};
export type FakePrinter = PrinterModel & { port: number };
export type FakeSerialPrinter = PrinterModel & { device: string };

const DLE = 0x10;
const EOT = 0x04;
const GS = 0x1d;
/** GS r n: "transmit status", which receiptline sends after each ticket; answered like DLE EOT 4. */
const TRANSMIT_STATUS = 0x72;
const CUT = Buffer.from([GS, 0x56]);

/** Whether these bytes begin a status request (DLE EOT n or GS r n); `second` undefined: the first byte alone. */
const opensRequest = (first: number | undefined, second?: number) =>
  (first === DLE && (second === undefined || second === EOT)) || (first === GS && (second === undefined || second === TRANSMIT_STATUS));

/**
 * Reads what the printer is sent: answers each status request through `reply` and returns the
 * rest, the bytes to print. A request cut off at the end of a chunk waits for the next one.
 */
function statusAnswering(printer: PrinterModel, reply: (byte: number) => void): (chunk: Buffer) => Buffer {
  let pending = Buffer.alloc(0);
  return (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    const data: Buffer[] = [];
    let start = 0;
    for (let index = 0; index < pending.length; index += 1) {
      if (index + 1 >= pending.length || !opensRequest(pending[index], pending[index + 1])) continue;
      if (index + 2 >= pending.length) break;
      const realTime = pending[index] === DLE;
      data.push(pending.subarray(start, index));
      printer.statusRequests += 1;
      const status = statusBytesOf(printer.state);
      reply(realTime && pending[index + 2] === 2 ? status.offlineCause : status.paperSensor);
      start = index + 3;
      index += 2;
    }
    const last = pending.length - 1;
    const keepFrom = opensRequest(pending[last]) ? last : opensRequest(pending[last - 1], pending[last]) ? last - 1 : pending.length;
    data.push(pending.subarray(start, Math.max(start, keepFrom)));
    pending = pending.subarray(Math.max(start, keepFrom));
    return Buffer.concat(data);
  };
}

export async function startFakePrinter(): Promise<FakePrinter> {
  const printer: FakePrinter = { port: 0, state: 'ready', printed: [], statusRequests: 0, close: () => closeServer(server) };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    const read = statusAnswering(printer, (byte) => socket.write(Buffer.from([byte])));
    const data: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => data.push(read(chunk)));
    socket.on('close', () => {
      sockets.delete(socket);
      const bytes = Buffer.concat(data);
      if (bytes.length > 0) printer.printed.push(bytes);
    });
    socket.on('error', () => undefined);
  });
  printer.close = async () => {
    for (const socket of sockets) socket.destroy();
    await closeServer(server);
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  printer.port = (server.address() as net.AddressInfo).port;
  return printer;
}

/** A serial printer on a pseudo-terminal; `device` is the end the server opens (a `/dev/pts/N`). */
export async function startFakeSerialPrinter(): Promise<FakeSerialPrinter> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kiosk-serial-printer-'));
  const [serverEnd, printerEnd] = [path.join(dir, 'server'), path.join(dir, 'printer')];
  const socat = spawn('socat', [`PTY,link=${serverEnd},raw,echo=0`, `PTY,link=${printerEnd},raw,echo=0`], { stdio: 'ignore' });
  const failed = new Promise<never>((_, reject) => socat.once('error', (error) => reject(new Error(`socat could not run (${error.message}); install the Debian package socat.`))));
  await Promise.race([failed, waitFor(async () => (await Promise.all([serverEnd, printerEnd].map(exists))).every(Boolean))]);

  // A plain descriptor: the tty stream owns it and closes it.
  const fd = openSync(printerEnd, constants.O_RDWR | constants.O_NOCTTY);
  const line = new tty.ReadStream(fd);
  const printer: FakeSerialPrinter = { device: await fs.realpath(serverEnd), state: 'ready', printed: [], statusRequests: 0, close: async () => undefined };
  const read = statusAnswering(printer, (byte) => writeSync(fd, Buffer.from([byte])));
  let ticket = Buffer.alloc(0);
  line.on('data', (chunk: Buffer) => {
    ticket = Buffer.concat([ticket, read(chunk)]);
    // GS V B n (receiptline's feed and cut): the paper is cut, one print is done.
    for (let cut = ticket.indexOf(CUT); cut !== -1 && cut + CUT.length + 2 <= ticket.length; cut = ticket.indexOf(CUT)) {
      printer.printed.push(ticket.subarray(0, cut + CUT.length + 2));
      ticket = ticket.subarray(cut + CUT.length + 2);
    }
  });
  line.on('error', () => undefined);
  printer.close = async () => {
    line.destroy();
    socat.kill();
    await fs.rm(dir, { recursive: true, force: true });
  };
  return printer;
}

const exists = (file: string) => fs.access(file).then(() => true, () => false);

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('socat made no pseudo-terminals in 5 s.');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function closeServer(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
