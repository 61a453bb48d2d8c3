/**
 * Where a ticket goes: raw ESC/POS over TCP to a network printer or to a device file (USB, serial),
 * or an image for the virtual printer.
 */
import { printOverDevice } from './device-printer';
import { printOverTcp } from './network-printer';
import type { PrintTransport } from './print-spooler';
import { toEscPos } from './render-ticket';
import { printToVirtualPrinter } from './virtual-printer';

export function printTransport(dataDir: string, timeoutMs: number): PrintTransport {
  return async (printer, job) => {
    if (printer.connection === 'virtual') {
      await printToVirtualPrinter(dataDir, printer.id, job.id, job.document);
      return 'ready';
    }
    if (printer.connection === 'device') return printOverDevice({ path: printer.device ?? '', baud: printer.baud }, toEscPos(job.document), timeoutMs);
    return printOverTcp({ host: printer.host ?? '', port: printer.port ?? 9100 }, toEscPos(job.document), timeoutMs);
  };
}
