/** The kitchen display: new orders to cook, then ready ones to hand over; one tap moves each on. */
import type { OrderListResponse, OrderResponse } from '../../../contracts/http';
import { OrderMessage, type OrderTicket } from '../../../iot/messages';
import { topics } from '../../../iot/topics';
import { FeedStatusLine } from '../shared/DevicePage';
import type { DeviceSession } from '../../shared/device-session';
import { clockTime } from '../../shared/clock';
import { DINING_TEXT, lineText } from '../shared/order-text';
import { applyOrderMessage } from '../shared/store-lists';
import { useStoreFeed } from '../shared/use-store-feed';
import { callNumber } from '../../../domain/call-number';

export function KitchenBoard({ session }: { session: DeviceSession }) {
  const feed = useStoreFeed(session, topics.orders(session.device.storeId), OrderMessage, loadOpenOrders(session), applyOrderMessage);

  const advance = async (order: OrderTicket, status: 'ready' | 'picked_up') => {
    try {
      const updated = await session.request<OrderResponse>(`/api/orders/${order.id}/status`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ status }),
      });
      feed.setItems((orders) => applyOrderMessage(orders, { v: 1, event: 'status', order: updated }));
    } catch {
      // Another screen moved it first, or the server is away: the feed brings the truth either way.
    }
  };

  const cooking = feed.items.filter((order) => order.status === 'paid');
  const ready = feed.items.filter((order) => order.status === 'ready');
  return (
    <>
      <FeedStatusLine status={feed.status} />
      <div className="kitchen-columns">
        <OrderColumn title={`조리할 주문 · To cook (${cooking.length})`} orders={cooking} action="준비 완료 · Ready" onAction={(order) => advance(order, 'ready')} />
        <OrderColumn title={`준비 완료 · Ready (${ready.length})`} orders={ready} action="전달 완료 · Picked up" onAction={(order) => advance(order, 'picked_up')} />
      </div>
    </>
  );
}

export function loadOpenOrders(session: DeviceSession): () => Promise<OrderTicket[]> {
  return () => session.request<OrderListResponse>('/api/orders/open').then((list) => list.orders);
}

type ColumnProps = { title: string; orders: OrderTicket[]; action: string; onAction: (order: OrderTicket) => void };

function OrderColumn({ title, orders, action, onAction }: ColumnProps) {
  return (
    <section className="kitchen-column" aria-label={title}>
      <h2>{title}</h2>
      {orders.length === 0 ? (
        <p className="empty">없음 · None</p>
      ) : (
        <ul className="order-cards">
          {orders.map((order) => (
            <li key={order.id} className={`order-card ${order.status}`} data-order-number={callNumber(order)}>
              <div className="order-card-head">
                <span className="order-number">{callNumber(order)}</span>
                <span className="order-meta">
                  {DINING_TEXT[order.diningOption] ?? order.diningOption} · {clockTime(order.createdAt)}
                </span>
              </div>
              <ul className="order-lines">
                {order.lines.map((line, index) => {
                  const text = lineText(line);
                  return (
                    <li key={index}>
                      {text.dish}
                      {text.options && <span className="order-options">{text.options}</span>}
                    </li>
                  );
                })}
              </ul>
              <button type="button" className="action" onClick={() => onAction(order)}>
                {action} <span className="visually-hidden">{callNumber(order)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
