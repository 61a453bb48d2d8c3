/**
 * The store's printers and what each prints: an order's tickets go to the printers that take them
 * (a kiosk's customer tickets to its own printer), a test page on request, any report on the
 * receipt printer. Every ticket is stored first and then spooled, so none is lost to a printer;
 * an order's tickets are stored with the order, so none is lost to a crash either.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { OrderResponse } from '../../contracts/http';
import type { NewPrinterRequest, PrinterPatch, PrinterResponse, PrintJobResponse } from '../../contracts/printers';
import { callNumber } from '../../domain/call-number';
import type { Database } from '../db/schema';
import { AppError, notFound } from '../errors';
import type { PrinterRepository, PrinterRow, PrintJobRow } from '../repositories/printer.repository';
import type { PrintSpooler } from './print-spooler';
import { kitchenTicket, orderTicket, receipt, reportDocument, testPage, type PrintJobKind, type ReportLine, type TicketContext, type TicketKind } from './ticket-documents';

export type PrintingContext = TicketContext & { storeId: string; now: () => Date };

const TICKET_TITLES: Record<TicketKind, string> = { order: '주문 번호표 · Order ticket', receipt: '영수증 · Receipt', kitchen: '주방 주문서 · Kitchen ticket' };
const DOCUMENTS: Record<TicketKind, (order: OrderResponse, context: TicketContext) => string> = { order: orderTicket, receipt, kitchen: kitchenTicket };

export class PrintingService {
  constructor(
    private readonly printers: PrinterRepository,
    private readonly spooler: PrintSpooler,
    private readonly context: PrintingContext,
  ) {}

  async list(): Promise<PrinterResponse[]> {
    const rows = await this.printers.list(this.context.storeId);
    return Promise.all(rows.map(async (row) => this.toResponse(row, (await this.printers.waitingJobs(row.id)).length)));
  }

  async add(request: NewPrinterRequest): Promise<PrinterResponse> {
    const address = addressOf(request.connection, request);
    const row: PrinterRow = {
      id: await this.nextPrinterId(),
      store_id: this.context.storeId,
      name: request.name,
      connection: request.connection,
      ...address,
      tickets: JSON.stringify(request.tickets),
      kiosk_id: request.kioskId ?? null,
      created_at: this.context.now().toISOString(),
    };
    await this.printers.insert(row);
    return this.toResponse(row, 0);
  }

  async update(id: string, patch: PrinterPatch): Promise<PrinterResponse> {
    const row = await this.find(id);
    const connection = row.connection as PrinterConnection;
    const address = addressOf(connection, { host: patch.host ?? row.host ?? undefined, port: patch.port ?? row.port ?? undefined, device: patch.device ?? row.device ?? undefined, baud: patch.baud !== undefined ? patch.baud : row.baud });
    const changes = {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.tickets !== undefined ? { tickets: JSON.stringify(patch.tickets) } : {}),
      ...(patch.kioskId !== undefined ? { kiosk_id: patch.kioskId } : {}),
      ...address,
    };
    await this.printers.update(id, changes);
    const updated = { ...row, ...changes };
    this.spooler.kick(id);
    return this.toResponse(updated, (await this.printers.waitingJobs(id)).length);
  }

  async remove(id: string): Promise<void> {
    await this.find(id);
    await this.printers.delete(id);
  }

  async testPrint(id: string): Promise<PrintJobResponse> {
    const printer = await this.find(id);
    const [job] = await this.enqueue([this.job(printer, null, 'test', '시험 인쇄 · Test print', testPage(printer.name, this.context, this.context.now()))]);
    return toJobResponse(job!);
  }

  /**
   * Stores an order's tickets in the order's own transaction, so no order is ever stored without
   * them (a crash just after the order was stored would lose them); answers what to do once it
   * commits: send them (a printer kicked before then would not see them yet).
   */
  async storeOrderTickets(trx: Kysely<Database>, order: OrderResponse): Promise<() => void> {
    const printers = (await this.printers.list(this.context.storeId, trx)).map((row) => ({ row, tickets: ticketsOf(row) }));
    const tickets = TICKET_KINDS_IN_ORDER.flatMap((kind) => printersFor(kind, order.kioskId, printers).map((row) => ({ row, kind })));
    // A printer sends its tickets oldest first: a millisecond apart, the kitchen's goes first even on a shared printer.
    const at = this.context.now().getTime();
    const jobs = tickets.map(({ row, kind }, index) => this.job(row, order.id, kind, `${TICKET_TITLES[kind]} ${callNumber(order)}`, DOCUMENTS[kind](order, this.context), new Date(at + index)));
    await this.printers.insertJobs(jobs, trx);
    return () => this.send(jobs);
  }

  /** Withdraws the tickets of a cancelled order that are still waiting for their printer. */
  async orderCancelled(order: OrderResponse): Promise<void> {
    await this.printers.withdrawWaiting(order.id);
  }

  /**
   * Prints report lines (the day's close, say) on the store's receipt printers: those printing
   * receipts for every kiosk, or else any that prints receipts.
   */
  async printReport(title: string, lines: readonly ReportLine[]): Promise<PrintJobResponse[]> {
    const document = reportDocument(title, lines);
    return (await this.enqueue((await this.counterReceiptPrinters()).map((row) => this.job(row, null, 'report', title, document)))).map(toJobResponse);
  }

  /**
   * A receipt asked for at the counter (영수증 주세요), where reports print: the order as it stands
   * now (paid at the counter since, or refunded, it says so).
   */
  async printReceipt(order: OrderResponse): Promise<PrintJobResponse[]> {
    const document = receipt(order, this.context);
    return (await this.enqueue((await this.counterReceiptPrinters()).map((row) => this.job(row, order.id, 'receipt', `${TICKET_TITLES.receipt} ${callNumber(order)}`, document)))).map(toJobResponse);
  }

  /** The counter's receipt printers: those printing receipts for every kiosk, or else the first that prints receipts. */
  private async counterReceiptPrinters(): Promise<PrinterRow[]> {
    const printers = (await this.printers.list(this.context.storeId)).filter((row) => ticketsOf(row).includes('receipt'));
    const shared = printers.filter((row) => row.kiosk_id === null);
    const chosen = shared.length > 0 ? shared : printers.slice(0, 1);
    if (chosen.length === 0) throw new AppError(409, 'no_receipt_printer', 'No printer prints receipts: choose one on the printers page.');
    return chosen;
  }

  /** Prints a ticket again, as it was, on the printer it was for. */
  async reprint(jobId: string): Promise<PrintJobResponse> {
    const earlier = await this.printers.findJob(jobId);
    if (!earlier || earlier.store_id !== this.context.storeId) throw notFound(`Print job ${jobId}`);
    const printer = await this.find(earlier.printer_id);
    const [job] = await this.enqueue([this.job(printer, earlier.order_id, earlier.kind as PrintJobKind, earlier.title, earlier.document)]);
    return toJobResponse(job!);
  }

  async recentJobs(limit: number, printerId?: string): Promise<PrintJobResponse[]> {
    return (await this.printers.recentJobs(this.context.storeId, limit, printerId)).map(toJobResponse);
  }

  /** A job's description, for its picture in the console. */
  async jobDocument(jobId: string): Promise<string> {
    const job = await this.printers.findJob(jobId);
    if (!job || job.store_id !== this.context.storeId) throw notFound(`Print job ${jobId}`);
    return job.document;
  }

  /** After a start: tickets left waiting by the last run are sent. */
  async resume(): Promise<void> {
    for (const row of await this.printers.list(this.context.storeId)) this.spooler.kick(row.id);
  }

  private async enqueue(jobs: PrintJobRow[]): Promise<PrintJobRow[]> {
    await this.printers.insertJobs(jobs);
    this.send(jobs);
    return jobs;
  }

  private send(jobs: PrintJobRow[]): void {
    for (const printerId of new Set(jobs.map((job) => job.printer_id))) this.spooler.kick(printerId);
  }

  private job(printer: PrinterRow, orderId: string | null, kind: PrintJobKind, title: string, document: string, createdAt = this.context.now()): PrintJobRow {
    return {
      id: randomUUID(),
      store_id: this.context.storeId,
      printer_id: printer.id,
      order_id: orderId,
      kind,
      title,
      document,
      status: 'waiting',
      created_at: createdAt.toISOString(),
      printed_at: null,
      claimed_by: null,
      claimed_until: null,
    };
  }

  /** `printer-1`, `printer-2`…: short, so staff can read it on the pager. */
  private async nextPrinterId(): Promise<string> {
    const numbers = (await this.printers.listAll()).map((row) => Number(/^printer-(\d+)$/.exec(row.id)?.[1] ?? 0));
    return `printer-${Math.max(0, ...numbers) + 1}`;
  }

  private async find(id: string): Promise<PrinterRow> {
    const row = await this.printers.findById(id);
    if (!row || row.store_id !== this.context.storeId) throw notFound(`Printer ${id}`);
    return row;
  }

  private toResponse(row: PrinterRow, waiting: number): PrinterResponse {
    return {
      id: row.id,
      name: row.name,
      connection: row.connection as PrinterConnection,
      host: row.host,
      port: row.port,
      device: row.device,
      baud: row.baud,
      tickets: ticketsOf(row),
      kioskId: row.kiosk_id,
      status: this.spooler.statusOf(row.id),
      waiting,
    };
  }
}

/** The kitchen gets its ticket first: the cook starts while the customer takes theirs. */
const TICKET_KINDS_IN_ORDER: readonly TicketKind[] = ['kitchen', 'order', 'receipt'];

/**
 * Kitchen tickets go to every printer that takes them; a customer's tickets to the printers of the
 * kiosk they ordered at, or, when it has none, to the printers shared by all kiosks.
 */
function printersFor(kind: TicketKind, kioskId: string, printers: { row: PrinterRow; tickets: TicketKind[] }[]): PrinterRow[] {
  const taking = printers.filter((printer) => printer.tickets.includes(kind));
  if (kind === 'kitchen') return taking.map((printer) => printer.row);
  const own = taking.filter((printer) => printer.row.kiosk_id === kioskId);
  return (own.length > 0 ? own : taking.filter((printer) => printer.row.kiosk_id === null)).map((printer) => printer.row);
}

function ticketsOf(row: PrinterRow): TicketKind[] {
  return JSON.parse(row.tickets) as TicketKind[];
}

type PrinterConnection = PrinterResponse['connection'];

/** Where a printer of this connection is; what it needs and lacks is a clear 400. */
function addressOf(connection: PrinterConnection, given: { host?: string; port?: number; device?: string; baud?: number | null }): Pick<PrinterRow, 'host' | 'port' | 'device' | 'baud'> {
  switch (connection) {
    case 'virtual':
      return { host: null, port: null, device: null, baud: null };
    case 'device':
      if (!given.device) throw new AppError(400, 'invalid_printer', 'A USB or serial printer needs its device, e.g. /dev/usb/lp0 or /dev/ttyUSB0.');
      return { host: null, port: null, device: given.device, baud: given.baud ?? null };
    case 'tcp':
      if (!given.host) throw new AppError(400, 'invalid_printer', 'A network printer needs its address (host), e.g. 192.168.0.50.');
      return { host: given.host, port: given.port ?? 9100, device: null, baud: null };
  }
}

function toJobResponse(row: PrintJobRow): PrintJobResponse {
  return {
    id: row.id,
    printerId: row.printer_id,
    orderId: row.order_id,
    kind: row.kind as PrintJobResponse['kind'],
    title: row.title,
    status: row.status as PrintJobResponse['status'],
    createdAt: row.created_at,
    printedAt: row.printed_at,
  };
}
