import { useEffect, useState } from 'react';
import type { OrderRequest } from '../../../../contracts/http';
import { SIMULATOR_CARDS } from '../../../../contracts/simulator-cards';
import { callNumber } from '../../../../domain/call-number';
import { toLineRequests } from '../../../../domain/cart';
import { ApiError, isTransientFailure, kioskApi, newIdempotencyKey } from '../../api/kiosk-api';
import { keepOfflineOrder } from '../../offline/offline-orders';
import { sendOfflineOrders } from '../../offline/offline-sender';
import { useAnnouncer } from '../../speech/use-announcer';
import { cartTotal } from '../../state/cart-total';
import { useKiosk } from '../../state/kiosk-context';

type PaymentStatus = 'ready' | 'processing' | 'declined' | 'offline' | 'keepFailed' | 'chargeNotCancelled';

/**
 * Payment: the server charges the terminal and stores the order before answering, so the
 * number shown is for an order that exists. One key for every retry: never a second charge.
 * When the server cannot be reached the card cannot be charged (the terminal is behind it), so the
 * kiosk offers to take the order with a number of its own, to be paid at the counter. Where the
 * owner allows it, paying at the counter is also a plain choice beside the card.
 */
/**
 * A declined card says so; a server away offers the counter (nothing was charged, or the charge was
 * cancelled); a charge the server could not cancel is for staff, whom the server has called; any
 * other answer is for staff too.
 */
function paymentFailure(error: unknown): PaymentStatus {
  if (error instanceof ApiError && error.status === 402) return 'declined';
  if (error instanceof ApiError && error.code === 'charge_not_cancelled') return 'chargeNotCancelled';
  return isTransientFailure(error) ? 'offline' : 'keepFailed';
}

export function PaymentScreen() {
  const { state, send, menu, config, t } = useKiosk();
  const [status, setStatus] = useState<PaymentStatus>('ready');
  const [idempotencyKey] = useState(newIdempotencyKey);
  const total = cartTotal(menu, state);
  const announcer = useAnnouncer();

  const order = (): OrderRequest | null =>
    state.diningOption && {
      items: toLineRequests(state.cart),
      diningOption: state.diningOption,
      uiMode: state.mode,
      customerGroup: state.customerGroup,
      voiceUsed: state.usedVoice,
    };

  const pay = async (cardToken: string) => {
    const request = order();
    if (!request || status === 'processing') return;
    setStatus('processing');
    try {
      const placed = await kioskApi.placeOrder({ ...request, payment: { cardToken } }, idempotencyKey);
      send({ type: 'paid', order: { callNumber: callNumber(placed), total: placed.total, payAtCounter: false } });
    } catch (error) {
      setStatus(paymentFailure(error));
    }
  };

  // Where the owner allows it: the order goes in now, unpaid, and the customer pays at the counter.
  // If the server cannot be reached, the kiosk keeps it with a number of its own, as below.
  const chooseCounter = async () => {
    const request = order();
    if (!request || status === 'processing') return;
    setStatus('processing');
    try {
      const placed = await kioskApi.placeOrder({ ...request, payment: { method: 'counter' } }, idempotencyKey);
      send({ type: 'paid', order: { callNumber: callNumber(placed), total: placed.total, payAtCounter: true } });
    } catch (error) {
      if (isTransientFailure(error)) await payAtCounter();
      else setStatus('keepFailed');
    }
  };

  // The same key as the card attempt: had that attempt reached the server after all, the server
  // answers the charged order when this one arrives, and no second order is made.
  const payAtCounter = async () => {
    const request = order();
    if (!request || status === 'processing') return;
    setStatus('processing');
    try {
      const kept = await keepOfflineOrder(request, idempotencyKey, config.kioskId);
      void sendOfflineOrders();
      send({ type: 'paid', order: { callNumber: kept.request.offline.number, total, payAtCounter: true } });
    } catch {
      setStatus('keepFailed');
    }
  };

  const message = { ready: t.payment.insertCard, processing: t.payment.processing, declined: t.payment.declined, offline: t.payment.offline, keepFailed: t.payment.keepFailed, chargeNotCancelled: t.payment.chargeNotCancelled }[status];
  const isError = status !== 'ready' && status !== 'processing';
  // A failed payment is said like any prompt (and repeated by 다시 듣기); 'ready' is the screen's own prompt.
  useEffect(() => {
    if (status !== 'ready') announcer.announce(message, t.speechLang);
  }, [announcer, status, message, t.speechLang]);
  return (
    <section className="screen payment-screen" aria-labelledby="payment-title" aria-busy={status === 'processing'}>
      <h1 id="payment-title">{t.payment.title}</h1>
      <p className="payment-amount">
        <span>{t.payment.amount}</span> <strong>{t.won(total)}</strong>
      </p>
      <p className="card-reader-position">{t.a11y.cardReader(config.cardReaderPosition)}</p>
      <p className={`payment-message ${isError ? 'is-error' : ''}`}>
        {message}
      </p>
      {status === 'offline' && (
        <button type="button" className="action primary pay-at-counter" onClick={payAtCounter}>
          {t.payment.payAtCounter}
        </button>
      )}
      {config.counterPayment && status !== 'offline' && (
        <button type="button" className="action choose-counter" disabled={status === 'processing'} onClick={chooseCounter}>
          {t.payment.chooseCounter}
        </button>
      )}
      {config.paymentTerminal === 'simulated' && (
        <div className="card-simulator" role="group" aria-label={t.payment.simulator}>
          <p className="card-simulator-title">{t.payment.simulator}</p>
          <button type="button" className="action primary" disabled={status === 'processing'} onClick={() => pay(SIMULATOR_CARDS.approved)}>
            {t.payment.simulatorApprove}
          </button>
          <button type="button" className="action" disabled={status === 'processing'} onClick={() => pay(SIMULATOR_CARDS.declined)}>
            {t.payment.simulatorDecline}
          </button>
        </div>
      )}
    </section>
  );
}
