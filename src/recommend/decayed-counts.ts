/**
 * Item picks per context, where an order weighs half as much every half-life before the latest one.
 * Weights are kept relative to a reference time, 2^((t − reference)/halfLife), so a new order
 * touches only its own items and older counts never need rescaling; only when weights grow past
 * 2^50 is everything rebased once, to stay far from floating-point overflow.
 */
import type { WeightedCounts } from './dirichlet-prior';

const REBASE_AFTER_HALF_LIVES = 50;

type Cell = { counts: number[]; total: number; sumOfSquaredWeights: number };

export class DecayedCounts {
  private readonly cells: Cell[];
  private reference: number | null = null;
  private latest = Number.NEGATIVE_INFINITY;

  constructor(
    contexts: number,
    private readonly halfLifeMs: number,
  ) {
    this.cells = Array.from({ length: contexts }, () => ({ counts: [], total: 0, sumOfSquaredWeights: 0 }));
  }

  /** One order's distinct items (by index) in one context. */
  add(context: number, time: number, items: readonly number[]): void {
    this.reference ??= time;
    if ((time - this.reference) / this.halfLifeMs > REBASE_AFTER_HALF_LIVES) this.rebase(time);
    this.latest = Math.max(this.latest, time);
    const weight = 2 ** ((time - this.reference) / this.halfLifeMs);
    const cell = this.cells[context]!;
    for (const item of items) cell.counts[item] = (cell.counts[item] ?? 0) + weight;
    cell.total += weight * items.length;
    cell.sumOfSquaredWeights += weight * weight * items.length;
  }

  /** Every context as of the latest order (which weighs 1), over `items` item indexes. */
  snapshot(items: number): WeightedCounts[] {
    const scale = this.reference === null ? 1 : 2 ** ((this.reference - this.latest) / this.halfLifeMs);
    return this.cells.map((cell) => {
      const counts = new Float64Array(items);
      for (let item = 0; item < items; item += 1) counts[item] = (cell.counts[item] ?? 0) * scale;
      return { counts, total: cell.total * scale, sumOfSquaredWeights: cell.sumOfSquaredWeights * scale * scale };
    });
  }

  private rebase(time: number): void {
    const scale = 2 ** ((this.reference! - time) / this.halfLifeMs);
    for (const cell of this.cells) {
      for (let item = 0; item < cell.counts.length; item += 1) if (cell.counts[item] !== undefined) cell.counts[item]! *= scale;
      cell.total *= scale;
      cell.sumOfSquaredWeights *= scale * scale;
    }
    this.reference = time;
  }
}
