/**
 * A printer that stops tells staff the way a customer does: a staff call on the pager (and in the
 * console), named after the printer, saying why. It is answered by itself when the printer is back.
 */
import type { StaffCallService } from '../services/staff-call.service';
import type { PrinterAlerts } from './print-spooler';

/** The staff call's `screen` for each stop, read by the pager (`web/shared/staff-call-text.ts`). */
export const PRINTER_CALL_PREFIX = 'printer_';

export function printerAlerts(staffCalls: StaffCallService, storeId: string): PrinterAlerts {
  const openCallsOf = async (printerId: string) => (await staffCalls.open(storeId)).filter((call) => call.kioskId === printerId && call.screen?.startsWith(PRINTER_CALL_PREFIX));
  const answer = async (callId: string) => {
    // Staff may have answered it already: that is what we want anyway.
    await staffCalls.acknowledge(callId, storeId).catch(() => undefined);
  };
  return {
    async printerStopped(printer, state) {
      const screen = `${PRINTER_CALL_PREFIX}${state}`;
      const open = await openCallsOf(printer.id);
      if (open.some((call) => call.screen === screen)) return;
      for (const call of open) await answer(call.id);
      await staffCalls.call({ screen }, printer.id);
    },
    async printerBack(printer) {
      for (const call of await openCallsOf(printer.id)) await answer(call.id);
    },
  };
}
