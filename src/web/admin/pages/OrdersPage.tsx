import { useCallback, useState } from 'react';
import { consoleApi } from '../admin-api';
import { clockTime } from '../../shared/clock';
import { GROUP_TEXT, paymentText, STATUS_TEXT, won } from '../format';
import { usePolled } from '../use-polled';
import { OrderActions } from './OrderActions';

/** One store day's orders, newest first, with the count and revenue; counter payments and cancellations are done here. */
export function OrdersPage() {
  const [date, setDate] = useState('');
  const load = useCallback(() => consoleApi.orders(date || undefined), [date]);
  const { data, error, reload } = usePolled(load);
  return (
    <>
      <div className="toolbar">
        <label>
          날짜 · Day <input type="date" value={date || data?.businessDate || ''} onChange={(event) => setDate(event.target.value)} />
        </label>
        {data && (
          <p className="summary" data-testid="orders-summary">
            주문 {data.summary.count}건 · 매출 {won(data.summary.revenue)} · 미결제 {data.summary.unpaid}건 {won(data.summary.unpaidAmount)} · 취소 {data.summary.cancelled}건 ·{' '}
            {data.summary.count} orders, {won(data.summary.revenue)} revenue, {data.summary.unpaid} unpaid, {data.summary.cancelled} cancelled
          </p>
        )}
      </div>
      {error && <p className="form-problem" role="alert">{error}</p>}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">번호 · No.</th>
            <th scope="col">시각 · Time</th>
            <th scope="col">메뉴 · Items</th>
            <th scope="col">합계 · Total</th>
            <th scope="col">매장/포장</th>
            <th scope="col">고객 · Group</th>
            <th scope="col">화면 · Mode</th>
            <th scope="col">상태 · Status</th>
            <th scope="col">결제 · Payment</th>
            <th scope="col">
              <span className="visually-hidden">할 일 · Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {data?.orders.map((order) => (
            <tr key={order.id} data-order-number={order.orderNumber} className={order.status === 'cancelled' ? 'is-cancelled' : undefined}>
              <td>
                {order.orderNumber}
                {order.offlineNumber && <span className="order-offline"> ({order.offlineNumber} · 카운터 결제 · pay at counter)</span>}
              </td>
              <td>{clockTime(order.createdAt)}</td>
              <td>{order.lines.map((line) => `${line.ko} × ${line.quantity}`).join(', ')}</td>
              <td>{won(order.total)}</td>
              <td>{order.diningOption === 'takeout' ? '포장' : '매장'}</td>
              <td>{GROUP_TEXT[order.customerGroup] ?? order.customerGroup}</td>
              <td>{order.uiMode === 'easy' ? '쉬운 주문 · Easy' : '일반 · Standard'}</td>
              <td>
                {STATUS_TEXT[order.status] ?? order.status}
                {order.cancellation && <span className="order-cancel-reason"> ({order.cancellation.reason})</span>}
              </td>
              <td className={order.payment.paid ? undefined : 'is-unpaid'}>{paymentText(order.payment)}</td>
              <td>
                <OrderActions order={order} onChanged={reload} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data?.orders.length === 0 && <p className="empty">이 날은 주문이 없어요 · No orders this day</p>}
    </>
  );
}
