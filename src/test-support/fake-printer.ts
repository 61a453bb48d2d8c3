/**
 * A network receipt printer for tests: a TCP server on a free port that answers ESC/POS real-time
 * status requests (DLE EOT n) in the state the test sets, and records every other byte it is sent,
 * one print per connection.
 */
import net from 'node:net';
import { statusBytesOf, type PrinterState } from '../server/printing/printer-status';

export type FakePrinter = {
  port: number;
  /** What it answers to status requests from now on. */
  state: PrinterState;
  /** The bytes of each connection that sent more than status requests, in order. */
  printed: Buffer[];
  statusRequests: number;
  close(): Promise<void>;
};

const DLE = 0x10;
const EOT = 0x04;

export async function startFakePrinter(): Promise<FakePrinter> {
  const printer: FakePrinter = { port: 0, state: 'ready', printed: [], statusRequests: 0, close: () => closeServer(server) };
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    let pending = Buffer.alloc(0);
    const data: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      let start = 0;
      for (let index = 0; index < pending.length; index += 1) {
        if (pending[index] !== DLE || pending[index + 1] !== EOT) continue;
        if (index + 2 >= pending.length) break;
        data.push(pending.subarray(start, index));
        printer.statusRequests += 1;
        const status = statusBytesOf(printer.state);
        socket.write(Buffer.from([pending[index + 2] === 4 ? status.paperSensor : status.offlineCause]));
        start = index + 3;
        index += 2;
      }
      // Keep a DLE (or DLE EOT) cut off at the end of a chunk for the next one.
      const keepFrom = pending[pending.length - 1] === DLE ? pending.length - 1 : pending[pending.length - 2] === DLE && pending[pending.length - 1] === EOT ? pending.length - 2 : pending.length;
      data.push(pending.subarray(start, Math.max(start, keepFrom)));
      pending = pending.subarray(Math.max(start, keepFrom));
    });
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

function closeServer(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}
