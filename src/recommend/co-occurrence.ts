/**
 * "Often ordered with": how many orders hold each pair of dishes, scored by lift, the ratio of how
 * often two dishes share an order to how often they would by chance (n_ab·N / (n_a·n_b)). Lift alone
 * flatters rare dishes, so a pair counts only from `minSupport` shared orders on. Counts are plain
 * order counts (no time decay), so the support threshold keeps its meaning.
 */
import { isExcluded, type Exclusions, type Recommendation } from './recommendation';

export class CoOccurrence {
  private orders = 0;
  private readonly ordersWith = new Map<string, number>();
  private readonly together = new Map<string, Map<string, number>>();

  constructor(private readonly minSupport: number) {}

  /** One order's distinct item ids. */
  add(itemIds: readonly string[]): void {
    this.orders += 1;
    for (const itemId of itemIds) this.ordersWith.set(itemId, (this.ordersWith.get(itemId) ?? 0) + 1);
    for (const a of itemIds) {
      let partners = this.together.get(a);
      if (!partners) {
        partners = new Map();
        this.together.set(a, partners);
      }
      for (const b of itemIds) if (b !== a) partners.set(b, (partners.get(b) ?? 0) + 1);
    }
  }

  /** Up to k dishes not in the cart, each scored by its best lift with a dish in the cart (lift > 1 only). */
  companions(cart: readonly string[], k: number, exclude: Exclusions): Recommendation[] {
    const best = new Map<string, Recommendation>();
    for (const a of new Set(cart)) {
      const partners = this.together.get(a);
      if (!partners) continue;
      const ordersWithA = this.ordersWith.get(a)!;
      for (const [b, support] of partners) {
        if (support < this.minSupport || cart.includes(b) || isExcluded(exclude, b)) continue;
        const lift = (support * this.orders) / (ordersWithA * this.ordersWith.get(b)!);
        if (lift <= 1 || (best.get(b)?.score ?? 0) >= lift) continue;
        best.set(b, { itemId: b, score: lift, reason: { kind: 'pair', with: a, lift, support } });
      }
    }
    return [...best.values()]
      .sort((x, y) => y.score - x.score || (x.itemId < y.itemId ? -1 : 1))
      .slice(0, k);
  }
}
