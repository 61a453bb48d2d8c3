import { useEffect, useState } from 'react';
import { useKiosk } from '../../state/kiosk-context';

/** The order number, large, and a visible countdown back to the start for the next customer. */
export function DoneScreen() {
  const { state, send, config, t } = useKiosk();
  const [secondsLeft, setSecondsLeft] = useState(Math.round(config.orderNumberScreenMs / 1000));

  useEffect(() => {
    const endsAt = Date.now() + config.orderNumberScreenMs;
    const ticker = setInterval(() => {
      const left = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
      setSecondsLeft(left);
      if (left === 0) send({ type: 'reset' });
    }, 1000);
    return () => clearInterval(ticker);
  }, [config.orderNumberScreenMs, send]);

  const order = state.placedOrder;
  if (!order) return null;
  return (
    <section className="screen done-screen" aria-labelledby="done-title">
      <h1 id="done-title">{t.done.title}</h1>
      <p className="order-number-label">{t.done.number}</p>
      <p className="order-number" data-testid="order-number">
        {order.callNumber}
      </p>
      {order.payAtCounter && (
        <p className="done-pay-at-counter" data-testid="pay-at-counter">
          {t.done.payAtCounter(t.won(order.total))}
        </p>
      )}
      <p className="screen-lead">{state.diningOption === 'takeout' ? t.done.takeout : t.done.dineIn}</p>
      <p className="done-returning">{t.done.returning(secondsLeft)}</p>
      <button type="button" className="action primary" onClick={() => send({ type: 'reset' })}>
        {t.done.newOrder}
      </button>
    </section>
  );
}
