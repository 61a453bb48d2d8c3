/** What staff do to one order in the console: take a counter payment (cash or card), print its receipt, or cancel it with a reason. */
import { useState, type FormEvent } from 'react';
import type { OrderResponse } from '../../../contracts/http';
import { consoleApi } from '../admin-api';
import { problemText } from '../../shared/problem-text';

type Props = { order: OrderResponse; onChanged: () => void };

export function OrderActions({ order, onChanged }: Props) {
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (order.status === 'cancelled') return null;

  const act = async (action: () => Promise<unknown>, done: string | null = null) => {
    try {
      await action();
      setProblem(null);
      setNotice(done);
      setCancelling(false);
      onChanged();
    } catch (failure) {
      setNotice(null);
      setProblem(problemText(failure));
    }
  };
  const cancel = (event: FormEvent) => {
    event.preventDefault();
    void act(() => consoleApi.cancelOrder(order.id, reason));
  };

  return (
    <div className="order-actions">
      {!order.payment.paid && (
        <>
          <button type="button" className="button" onClick={() => void act(() => consoleApi.settleOrder(order.id, 'cash'))}>
            현금 받음 · Paid cash
          </button>
          <button type="button" className="button" onClick={() => void act(() => consoleApi.settleOrder(order.id, 'card'))}>
            카드 받음 · Paid card
          </button>
        </>
      )}
      <button type="button" className="button secondary" onClick={() => void act(() => consoleApi.printReceipt(order.id), '영수증을 보냈어요 · Receipt sent to the printer')}>
        영수증 인쇄 · Print receipt
      </button>
      {cancelling ? (
        <form className="order-cancel" onSubmit={cancel}>
          <label>
            취소 사유 · Reason
            <input name="reason" required maxLength={200} value={reason} onChange={(event) => setReason(event.target.value)} />
          </label>
          <button type="submit" className="button danger">
            {order.payment.paid && !order.payment.refunded ? '취소하고 환불 · Cancel and refund' : '주문 취소 · Cancel order'}
          </button>
          <button type="button" className="button secondary" onClick={() => setCancelling(false)}>
            닫기 · Back
          </button>
        </form>
      ) : (
        <button type="button" className="button secondary" onClick={() => setCancelling(true)}>
          취소 · Cancel…
        </button>
      )}
      {notice && (
        <p className="form-ok" role="status">
          {notice}
        </p>
      )}
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
