/**
 * Sends each printer its waiting tickets, one at a time and in order. A printer that cannot print
 * (off, out of paper, cover open) keeps its tickets waiting: staff are told once, the spooler asks
 * again every `retryEveryMs`, and each ticket is marked printed the moment it went through, so it
 * prints once when the printer is back.
 */
import type { PrinterRepository, PrinterRow, PrintJobRow } from '../repositories/printer.repository';
import type { PrinterState } from './printer-status';

/** Prints one job on one printer and says what state the printer was in. */
export type PrintTransport = (printer: PrinterRow, job: PrintJobRow) => Promise<PrinterState>;

/** Who hears when a printer stops or comes back: staff, on the pager and in the console. */
export type PrinterAlerts = {
  printerStopped(printer: PrinterRow, state: Exclude<PrinterState, 'ready'>): Promise<void>;
  printerBack(printer: PrinterRow): Promise<void>;
};

export type PrinterStatus = { state: PrinterState; since: string };

/** `holder` names this server among those sharing the database; a claim lasts `claimMs`, longer than any send. */
type SpoolerOptions = { retryEveryMs: number; holder: string; claimMs: number; now: () => Date; onError: (error: unknown) => void };

export class PrintSpooler {
  private readonly states = new Map<string, PrinterStatus>();
  private readonly draining = new Map<string, Promise<void>>();
  /** A printer asked to drain again while draining: new tickets came in. */
  private readonly again = new Set<string>();
  private readonly retries = new Map<string, NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly printers: PrinterRepository,
    private readonly transport: PrintTransport,
    private readonly alerts: PrinterAlerts,
    private readonly options: SpoolerOptions,
  ) {}

  /** What the spooler last found the printer in; unknown until it first printed. */
  statusOf(printerId: string): PrinterStatus | null {
    return this.states.get(printerId) ?? null;
  }

  /** Starts sending the printer's waiting tickets (or notes to look again when the current round ends). */
  kick(printerId: string): void {
    if (this.stopped) return;
    if (this.draining.has(printerId)) {
      this.again.add(printerId);
      return;
    }
    clearTimeout(this.retries.get(printerId));
    this.retries.delete(printerId);
    const round = this.drain(printerId)
      .catch(this.options.onError)
      .finally(() => {
        this.draining.delete(printerId);
        if (this.again.delete(printerId)) this.kick(printerId);
      });
    this.draining.set(printerId, round);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.retries.values()) clearTimeout(timer);
    this.retries.clear();
    await Promise.all(this.draining.values());
  }

  /** Waits for every round under way (tests, and a clean shutdown). */
  async settled(): Promise<void> {
    while (this.draining.size > 0) await Promise.all(this.draining.values());
  }

  private async drain(printerId: string): Promise<void> {
    const printer = await this.printers.findById(printerId);
    if (!printer) return;
    for (const job of await this.printers.waitingJobs(printerId)) {
      if (this.stopped) return;
      const now = this.options.now();
      if (!(await this.printers.claim(job.id, this.options.holder, now.toISOString(), new Date(now.getTime() + this.options.claimMs).toISOString()))) {
        // Another server is sending it: it sends the rest after it, in order.
        this.retryLater(printerId);
        return;
      }
      const state = await this.transport(printer, job);
      await this.record(printer, state);
      if (state !== 'ready') {
        await this.printers.release(job.id, this.options.holder);
        this.retryLater(printerId);
        return;
      }
      await this.printers.markPrinted(job.id, this.options.now().toISOString());
    }
  }

  private async record(printer: PrinterRow, state: PrinterState): Promise<void> {
    const before = this.states.get(printer.id)?.state;
    if (before === state) return;
    this.states.set(printer.id, { state, since: this.options.now().toISOString() });
    // Also on the first answer after a start: a call left open by the last run is closed.
    if (state === 'ready') await this.alerts.printerBack(printer);
    else await this.alerts.printerStopped(printer, state);
  }

  private retryLater(printerId: string): void {
    if (this.stopped) return;
    this.retries.set(
      printerId,
      setTimeout(() => this.kick(printerId), this.options.retryEveryMs),
    );
  }
}
