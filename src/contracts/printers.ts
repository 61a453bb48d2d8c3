/** HTTP schemas of the console's printers and print jobs (docs/printing.md). */
import { Type, type Static } from 'typebox';

const TicketKind = Type.Enum(['order', 'receipt', 'kitchen'] as const);
const PrinterState = Type.Enum(['ready', 'offline', 'paper_out', 'cover_open'] as const);
const Host = Type.String({ minLength: 1, maxLength: 253, pattern: '^[A-Za-z0-9.:_-]+$' });
const Port = Type.Integer({ minimum: 1, maximum: 65535 });
/**
 * The device files a printer may be: USB printer class, parallel, USB and on-board serial,
 * Bluetooth serial, pseudo-terminals (serial bridges), and the stable serial names udev makes.
 * Nothing else: an owner's printer setting must never write to a disk or to memory.
 */
export const PRINTER_DEVICE_PATTERN = '^/dev/(usb/lp[0-9]{1,3}|lp[0-9]{1,3}|tty(USB|ACM|S|AMA)[0-9]{1,3}|rfcomm[0-9]{1,3}|pts/[0-9]{1,4}|serial/by-(id|path)/[A-Za-z0-9._:+\\-]{1,200})$';

const Device = Type.String({ maxLength: 220, pattern: PRINTER_DEVICE_PATTERN });
const Connection = Type.Enum(['tcp', 'device', 'virtual'] as const);
/** The speeds receipt printers' serial interfaces offer. */
export const SERIAL_SPEEDS = [9600, 19200, 38400, 57600, 115200] as const;
const Baud = Type.Union([Type.Enum(SERIAL_SPEEDS), Type.Null()]);
const KioskId = Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$' });

export const PrinterResponse = Type.Object({
  id: Type.String(),
  name: Type.String(),
  connection: Connection,
  host: Type.Union([Type.String(), Type.Null()]),
  port: Type.Union([Type.Integer(), Type.Null()]),
  device: Type.Union([Type.String(), Type.Null()]),
  baud: Type.Union([Type.Integer(), Type.Null()]),
  tickets: Type.Array(TicketKind),
  /** The kiosk whose customers' tickets it prints; null: kiosks without a printer of their own. */
  kioskId: Type.Union([Type.String(), Type.Null()]),
  /** What the printer last answered; null until it was first asked. */
  status: Type.Union([Type.Object({ state: PrinterState, since: Type.String() }), Type.Null()]),
  waiting: Type.Integer(),
});
export type PrinterResponse = Static<typeof PrinterResponse>;

export const PrinterListResponse = Type.Object({ printers: Type.Array(PrinterResponse) });
export type PrinterListResponse = Static<typeof PrinterListResponse>;

export const NewPrinterRequest = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 40 }),
    connection: Connection,
    host: Type.Optional(Host),
    port: Type.Optional(Port),
    device: Type.Optional(Device),
    baud: Type.Optional(Baud),
    tickets: Type.Array(TicketKind, { maxItems: 3, uniqueItems: true }),
    kioskId: Type.Optional(Type.Union([KioskId, Type.Null()])),
  },
  { additionalProperties: false },
);
export type NewPrinterRequest = Static<typeof NewPrinterRequest>;

export const PrinterPatch = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
    host: Type.Optional(Host),
    port: Type.Optional(Port),
    device: Type.Optional(Device),
    baud: Type.Optional(Baud),
    tickets: Type.Optional(Type.Array(TicketKind, { maxItems: 3, uniqueItems: true })),
    kioskId: Type.Optional(Type.Union([KioskId, Type.Null()])),
  },
  { additionalProperties: false },
);
export type PrinterPatch = Static<typeof PrinterPatch>;

export const PrintJobResponse = Type.Object({
  id: Type.String(),
  printerId: Type.String(),
  orderId: Type.Union([Type.String(), Type.Null()]),
  kind: Type.Enum(['order', 'receipt', 'kitchen', 'test', 'report'] as const),
  title: Type.String(),
  status: Type.Enum(['waiting', 'printed', 'withdrawn'] as const),
  createdAt: Type.String(),
  printedAt: Type.Union([Type.String(), Type.Null()]),
});
export type PrintJobResponse = Static<typeof PrintJobResponse>;

export const PrintJobListResponse = Type.Object({ jobs: Type.Array(PrintJobResponse) });
export type PrintJobListResponse = Static<typeof PrintJobListResponse>;
