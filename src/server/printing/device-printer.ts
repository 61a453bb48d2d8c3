/**
 * A printer on the kiosk's own port: USB (`/dev/usb/lp0`), serial (`/dev/ttyUSB0`, `/dev/ttyS0`)
 * or Bluetooth serial (`/dev/rfcomm0`), as most built-in kiosk printers are. The same exchange as
 * on the network: ask its real-time status, send the ticket only when it can print it, and count a
 * printer that is missing or does not answer as off. The device is opened non-blocking and read by
 * polling, so a printer that never answers costs the timeout and no more.
 */
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import fs, { type FileHandle } from 'node:fs/promises';
import { isatty } from 'node:tty';
import { promisify } from 'node:util';
import { OFFLINE_CAUSE_REQUEST, PAPER_SENSOR_REQUEST, stateFromStatus, type PrinterState } from './printer-status';

const POLL_MS = 10;
/** At 9600 baud a receipt takes a few seconds to go out; a stuck port still ends. */
const SEND_TIMEOUT_FACTOR = 10;

/** `baud`: the line speed a serial port is set to first; null leaves it as it is (and a USB printer has none). */
export type PrinterDevice = { path: string; baud: number | null };

export async function printOverDevice(device: PrinterDevice, bytes: Buffer, timeoutMs: number): Promise<PrinterState> {
  let handle: FileHandle;
  try {
    // O_NOCTTY: a serial port never becomes the server's controlling terminal.
    handle = await fs.open(device.path, constants.O_RDWR | constants.O_NOCTTY | constants.O_NONBLOCK);
  } catch {
    return 'offline';
  }
  try {
    // A serial line in canonical mode would hold the printer's status bytes back until a newline.
    if (isatty(handle.fd)) await promisify(execFile)('stty', ['-F', device.path, ...(device.baud ? [String(device.baud)] : []), 'raw', '-echo']);
    // Whatever the printer said after the last ticket (receiptline asks it for its paper status) is old news.
    await drain(handle);
    const deadline = Date.now() + timeoutMs;
    await writeAll(handle, OFFLINE_CAUSE_REQUEST, deadline);
    const offlineCause = await readByte(handle, deadline);
    await writeAll(handle, PAPER_SENSOR_REQUEST, deadline);
    const paperSensor = await readByte(handle, deadline);
    const state = stateFromStatus(offlineCause, paperSensor);
    if (state !== 'ready') return state;
    await writeAll(handle, bytes, Date.now() + timeoutMs * SEND_TIMEOUT_FACTOR);
    return 'ready';
  } catch {
    return 'offline';
  } finally {
    await handle.close();
  }
}

const wouldBlock = (error: unknown) => (error as NodeJS.ErrnoException).code === 'EAGAIN';
const pause = () => new Promise((resolve) => setTimeout(resolve, POLL_MS));

async function drain(handle: FileHandle): Promise<void> {
  const buffer = Buffer.alloc(256);
  try {
    while ((await handle.read(buffer, 0, buffer.length, null)).bytesRead > 0);
  } catch (error) {
    if (!wouldBlock(error)) throw error;
  }
}

async function readByte(handle: FileHandle, deadline: number): Promise<number> {
  const buffer = Buffer.alloc(1);
  for (;;) {
    try {
      if ((await handle.read(buffer, 0, 1, null)).bytesRead === 1) return buffer[0]!;
    } catch (error) {
      if (!wouldBlock(error)) throw error;
    }
    if (Date.now() > deadline) throw new Error('The printer did not answer its status request.');
    await pause();
  }
}

/** Writes every byte, waiting while the port's buffer is full (a slow serial line). */
async function writeAll(handle: FileHandle, bytes: Buffer, deadline: number): Promise<void> {
  let sent = 0;
  while (sent < bytes.length) {
    try {
      sent += (await handle.write(bytes, sent, bytes.length - sent, null)).bytesWritten;
      continue;
    } catch (error) {
      if (!wouldBlock(error)) throw error;
    }
    if (Date.now() > deadline) throw new Error('The printer took no more bytes.');
    await pause();
  }
}
