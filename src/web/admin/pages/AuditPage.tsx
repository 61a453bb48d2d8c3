import { consoleApi } from '../admin-api';
import { dateTimeOf, won } from '../format';
import { usePolled } from '../use-polled';

const ACTION_TEXT: Record<string, string> = {
  'order.settled': '카운터 결제 받음 · Counter payment taken',
  'order.cancelled': '주문 취소 · Order cancelled',
  'order.refunded': '환불 · Refunded',
};

/** The audit log (owners only): every counter payment, cancellation and refund, who did it, when and why. */
export function AuditPage() {
  const { data, error } = usePolled(consoleApi.auditLog, 15_000);
  return (
    <>
      {error && <p className="form-problem" role="alert">{error}</p>}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">시각 · Time</th>
            <th scope="col">누가 · Who</th>
            <th scope="col">무엇 · What</th>
            <th scope="col">주문 · Order</th>
            <th scope="col">금액 · Amount</th>
            <th scope="col">사유 · Why</th>
          </tr>
        </thead>
        <tbody>
          {data?.entries.map((entry) => (
            <tr key={entry.id} data-action={entry.action}>
              <td>{dateTimeOf(entry.at)}</td>
              <td>
                {entry.actor} ({entry.actorRole === 'owner' ? '점주' : '직원'})
              </td>
              <td>
                {ACTION_TEXT[entry.action] ?? entry.action}
                {entry.detail.method ? ` (${entry.detail.method === 'cash' ? '현금' : '카드'})` : ''}
              </td>
              <td>
                {entry.detail.businessDate} #{entry.detail.orderNumber}
              </td>
              <td>{typeof entry.detail.amount === 'number' ? won(entry.detail.amount) : '—'}</td>
              <td>{entry.reason ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {data?.entries.length === 0 && <p className="empty">기록이 없어요 · Nothing logged yet</p>}
    </>
  );
}
