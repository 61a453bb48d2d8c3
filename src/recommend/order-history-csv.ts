/**
 * The order-history CSV `kiosk recommend eval` reads and `kiosk demo orders --csv` writes: one row per
 * order line, `order_id,created_at,segment,item_id,quantity`. Read strictly: a wrong header, time,
 * segment or quantity stops the run with the line it is on, rather than skewing the numbers.
 */
import { parse, type InfoRecord } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { CUSTOMER_GROUPS, type CustomerGroup } from '../domain/order-rules';
import { ordersFromLines, type HistoryLine, type HistoryOrder } from './order-history';
import { StoreClock } from './store-clock';

const ORDER_HISTORY_COLUMNS = ['order_id', 'created_at', 'segment', 'item_id', 'quantity'] as const;

export class OrderHistoryCsvError extends Error {}

/** ISO 8601 date and time; without an offset it is the store's own clock time. */
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Orders in the file, with each order's lines gathered (an order's lines must agree on its time and segment). */
export function parseOrderHistoryCsv(text: string, source: string, timeZone: string): HistoryOrder[] {
  let records: { record: string[]; info: InfoRecord }[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as unknown as typeof records;
  } catch (error) {
    throw new OrderHistoryCsvError(`${source}: ${(error as Error).message}`);
  }
  const header = records[0]?.record.join(',');
  if (header !== ORDER_HISTORY_COLUMNS.join(',')) {
    throw new OrderHistoryCsvError(`${source}: the header must be "${ORDER_HISTORY_COLUMNS.join(',')}", not "${header ?? ''}".`);
  }
  const clock = new StoreClock(timeZone);
  const seen = new Map<string, { createdAt: number; group: CustomerGroup; line: number }>();
  const lines = records.slice(1).map(({ record, info }): HistoryLine => {
    const where = `${source} line ${info.lines}`;
    if (record.length !== ORDER_HISTORY_COLUMNS.length) throw new OrderHistoryCsvError(`${where}: expected ${ORDER_HISTORY_COLUMNS.length} fields, found ${record.length}.`);
    const [orderId, createdAtText, segment, itemId, quantityText] = record as [string, string, string, string, string];
    if (!orderId) throw new OrderHistoryCsvError(`${where}: order_id is empty.`);
    if (!itemId) throw new OrderHistoryCsvError(`${where}: item_id is empty.`);
    const createdAt = instantOf(createdAtText, clock);
    if (createdAt === null) throw new OrderHistoryCsvError(`${where}: created_at "${createdAtText}" is not an ISO date and time (e.g. 2025-05-01T12:30:00+09:00).`);
    if (!(CUSTOMER_GROUPS as readonly string[]).includes(segment)) {
      throw new OrderHistoryCsvError(`${where}: segment "${segment}" is not one of ${CUSTOMER_GROUPS.join(', ')}.`);
    }
    const quantity = Number(quantityText);
    if (!/^[+-]?\d+$/.test(quantityText) || quantity <= 0) throw new OrderHistoryCsvError(`${where}: quantity "${quantityText}" is not a whole number above 0.`);
    const group = segment as CustomerGroup;
    const first = seen.get(orderId);
    if (!first) seen.set(orderId, { createdAt, group, line: info.lines });
    else if (first.createdAt !== createdAt || first.group !== group) {
      throw new OrderHistoryCsvError(`${where}: order ${orderId} has a different created_at or segment than on line ${first.line}.`);
    }
    return { orderId, createdAt, group, itemId, quantity };
  });
  return ordersFromLines(lines);
}

/** The CSV text for `orders`, times in UTC. */
export function orderHistoryCsv(orders: readonly HistoryOrder[]): string {
  const rows = orders.flatMap((order) => order.items.map((item) => [order.id, new Date(order.createdAt).toISOString(), order.group, item.itemId, item.quantity]));
  return stringify(rows, { header: true, columns: [...ORDER_HISTORY_COLUMNS] });
}

function instantOf(text: string, clock: StoreClock): number | null {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return null;
  const [year, month, day] = match[1]!.split('-').map(Number) as [number, number, number];
  const [hour, minute, second] = [Number(match[2]), Number(match[3]), Number(match[4] ?? 0)];
  const calendar = new Date(Date.UTC(year, month - 1, day));
  if (calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return null;
  const milliseconds = Math.round(Number(match[5] ?? 0) * 1000);
  const zone = match[6];
  // Without an offset the store's clock is meant (Date.parse would take this machine's).
  if (!zone) return clock.instantAt(match[1]!, hour, minute, second) + milliseconds;
  const offsetMinutes = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  return Date.UTC(year, month - 1, day, hour, minute, second, milliseconds) - offsetMinutes * 60_000;
}
