import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { ReportLine, ReportOrder } from '../reports/sales-report';

/** Reads the orders (with payment) and lines of a span of business days, in two queries whatever the span. */
export class ReportRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async between(storeId: string, from: string, to: string): Promise<{ orders: ReportOrder[]; lines: ReportLine[] }> {
    const period = this.db.selectFrom('orders').where('orders.store_id', '=', storeId).where('orders.business_date', '>=', from).where('orders.business_date', '<=', to);
    const [orders, lines] = await Promise.all([
      period
        .innerJoin('payments', 'payments.order_id', 'orders.id')
        .select([
          'orders.id',
          'orders.order_number',
          'orders.offline_number',
          'orders.business_date',
          'orders.created_at',
          'orders.status',
          'orders.total',
          'orders.cancelled_at',
          'orders.cancelled_by',
          'orders.cancel_reason',
          'payments.method',
          'payments.settled_with',
          'payments.paid_at',
          'payments.refunded_at',
        ])
        .execute(),
      period.innerJoin('order_lines', 'order_lines.order_id', 'orders.id').select(['order_lines.order_id', 'order_lines.item_id', 'order_lines.name_ko', 'order_lines.quantity', 'order_lines.line_total']).execute(),
    ]);
    return {
      orders: orders.map((row) => ({
        id: row.id,
        orderNumber: Number(row.order_number),
        offlineNumber: row.offline_number,
        businessDate: row.business_date,
        createdAt: row.created_at,
        status: row.status,
        total: Number(row.total),
        method: row.method,
        settledWith: row.settled_with,
        paidAt: row.paid_at,
        refundedAt: row.refunded_at,
        cancelledAt: row.cancelled_at,
        cancelledBy: row.cancelled_by,
        cancelReason: row.cancel_reason,
      })),
      lines: lines.map((row) => ({ orderId: row.order_id, itemId: row.item_id, ko: row.name_ko, quantity: Number(row.quantity), lineTotal: Number(row.line_total) })),
    };
  }
}
