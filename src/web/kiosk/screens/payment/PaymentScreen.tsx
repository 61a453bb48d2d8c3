import { useState } from 'react';
import { SIMULATOR_CARDS } from '../../../../contracts/simulator-cards';
import { toLineRequests } from '../../../../domain/cart';
import { ApiError, kioskApi, newIdempotencyKey } from '../../api/kiosk-api';
import { cartTotal } from '../../state/cart-total';
import { useKiosk } from '../../state/kiosk-context';

type PaymentStatus = 'ready' | 'processing' | 'declined' | 'failed';

/**
 * Payment: the server charges the terminal and stores the order before answering, so the
 * number shown is for an order that exists. One key for every retry: never a second charge.
 */
export function PaymentScreen() {
  const { state, send, menu, config, t } = useKiosk();
  const [status, setStatus] = useState<PaymentStatus>('ready');
  const [idempotencyKey] = useState(newIdempotencyKey);

  const pay = async (cardToken: string) => {
    if (!state.diningOption || status === 'processing') return;
    setStatus('processing');
    try {
      const order = await kioskApi.placeOrder(
        {
          items: toLineRequests(state.cart),
          diningOption: state.diningOption,
          uiMode: state.mode,
          customerGroup: state.customerGroup,
          voiceUsed: state.usedVoice,
          kioskId: config.kioskId,
          payment: { cardToken },
        },
        idempotencyKey,
      );
      send({ type: 'paid', order: { id: order.id, orderNumber: order.orderNumber, total: order.total } });
    } catch (error) {
      setStatus(error instanceof ApiError && error.status === 402 ? 'declined' : 'failed');
    }
  };

  const message = { ready: t.payment.insertCard, processing: t.payment.processing, declined: t.payment.declined, failed: t.payment.failed }[status];
  return (
    <section className="screen payment-screen" aria-labelledby="payment-title" aria-busy={status === 'processing'}>
      <h1 id="payment-title">{t.payment.title}</h1>
      <p className="payment-amount">
        <span>{t.payment.amount}</span> <strong>{t.won(cartTotal(menu, state))}</strong>
      </p>
      <p className={`payment-message ${status === 'declined' || status === 'failed' ? 'is-error' : ''}`} role="status">
        {message}
      </p>
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
