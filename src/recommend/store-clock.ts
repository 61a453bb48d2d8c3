/**
 * Wall-clock time in the store's time zone, for any runtime (Intl only). The zone's offset is
 * remembered per quarter hour of UTC: every zone's offset, and every change of offset, falls on a
 * quarter hour, so months of orders ask Intl only a few thousand times.
 */
const QUARTER_HOUR_MS = 15 * 60 * 1000;
const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

export class StoreClock {
  private readonly parts: Intl.DateTimeFormat;
  private readonly offsets = new Map<number, number>();

  constructor(timeZone: string) {
    this.parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
  }

  /** The local hour (0–23) at `epochMs`. */
  hourOf(epochMs: number): number {
    const local = epochMs + this.offsetAt(epochMs);
    return Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / HOUR_MS);
  }

  /** The store's calendar day at `epochMs` as a whole number (days since 1970-01-01 on its clocks). */
  dayNumberOf(epochMs: number): number {
    return Math.floor((epochMs + this.offsetAt(epochMs)) / DAY_MS);
  }

  /** The store's calendar day at `epochMs`, as YYYY-MM-DD. */
  dateOf(epochMs: number): string {
    return new Date(epochMs + this.offsetAt(epochMs)).toISOString().slice(0, 10);
  }

  /** The instant when the store's clocks show `date` (YYYY-MM-DD) at hour:minute:second. */
  instantAt(date: string, hour: number, minute = 0, second = 0): number {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const wall = Date.UTC(year, month - 1, day, hour, minute, second);
    // The offset at a first guess, then at the corrected instant, in case a change of offset lies between.
    return wall - this.offsetAt(wall - this.offsetAt(wall));
  }

  /** Local time minus UTC at `epochMs`, in milliseconds. */
  private offsetAt(epochMs: number): number {
    const quarter = Math.floor(epochMs / QUARTER_HOUR_MS);
    let offset = this.offsets.get(quarter);
    if (offset === undefined) {
      const start = quarter * QUARTER_HOUR_MS;
      const fields: Record<string, number> = {};
      for (const part of this.parts.formatToParts(start)) if (part.type !== 'literal') fields[part.type] = Number(part.value);
      offset = Date.UTC(fields.year!, fields.month! - 1, fields.day!, fields.hour!, fields.minute!) - start;
      this.offsets.set(quarter, offset);
    }
    return offset;
  }
}
