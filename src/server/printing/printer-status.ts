/**
 * ESC/POS real-time status (DLE EOT n): a printer answers these at once, even when it is offline,
 * out of paper or has its cover open, so we can ask before sending a ticket it would not print.
 */

export type PrinterState = 'ready' | 'offline' | 'paper_out' | 'cover_open';

/** DLE EOT 2: why the printer is offline (cover open, paper end stopped printing, error). */
export const OFFLINE_CAUSE_REQUEST = Buffer.from([0x10, 0x04, 0x02]);
/** DLE EOT 4: the roll paper sensor. */
export const PAPER_SENSOR_REQUEST = Buffer.from([0x10, 0x04, 0x04]);

const COVER_OPEN = 0x04;
const STOPPED_FOR_PAPER_END = 0x20;
const ERROR = 0x40;
const ROLL_PAPER_END = 0x60;

/** Reads the two status bytes; anything that keeps a ticket from printing counts. */
export function stateFromStatus(offlineCause: number, paperSensor: number): PrinterState {
  if (offlineCause & COVER_OPEN) return 'cover_open';
  if ((paperSensor & ROLL_PAPER_END) === ROLL_PAPER_END || offlineCause & STOPPED_FOR_PAPER_END) return 'paper_out';
  if (offlineCause & ERROR) return 'offline';
  return 'ready';
}

/** The status bytes a printer in each state sends (fixed bits 1 and 4 set, as ESC/POS defines them). */
export function statusBytesOf(state: PrinterState): { offlineCause: number; paperSensor: number } {
  const fixed = 0x12;
  switch (state) {
    case 'cover_open':
      return { offlineCause: fixed | COVER_OPEN, paperSensor: fixed };
    case 'paper_out':
      return { offlineCause: fixed | STOPPED_FOR_PAPER_END, paperSensor: fixed | ROLL_PAPER_END };
    case 'offline':
      return { offlineCause: fixed | ERROR, paperSensor: fixed };
    case 'ready':
      return { offlineCause: fixed, paperSensor: fixed };
  }
}
