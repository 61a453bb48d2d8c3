/**
 * The kitchen display: new orders to cook (each new one chimes and glows), then ready ones to hand
 * over; one tap moves each on, the last tap can be undone, and a ready number can be called again
 * on the pickup board. Every card says how long its customer has waited.
 */
import { useEffect, useRef, useState } from 'react';
import type { OrderListResponse, OrderResponse } from '../../../contracts/http';
import { OrderMessage, type OrderTicket } from '../../../iot/messages';
import { topics } from '../../../iot/topics';
import { FeedStatusLine } from '../shared/DevicePage';
import type { DeviceSession } from '../../shared/device-session';
import { clockTime } from '../../shared/clock';
import { minutesSince, useMinuteClock } from '../shared/minute-clock';
import { DINING_TEXT, lineText } from '../shared/order-text';
import { applyOrderMessage, type BoardOrder } from '../shared/store-lists';
import { useStoreFeed } from '../shared/use-store-feed';
import { callNumber } from '../../../domain/call-number';
import { chime, soundIsOn, turnSoundOn } from './chime';

type Step = 'ready' | 'picked_up';
const STEP_TEXT: Record<Step, string> = { ready: '준비 완료 · Ready', picked_up: '전달 완료 · Picked up' };
/** A card waiting this long is marked: the customer has waited long. */
const LONG_WAIT_MINUTES = 10;
/** How long a new order's card glows. */
const NEW_FOR_MS = 20_000;

export function KitchenBoard({ session }: { session: DeviceSession }) {
  const feed = useStoreFeed(session, topics.orders(session.device.storeId), OrderMessage, loadOpenOrders(session), applyOrderMessage);
  const now = useMinuteClock();
  const fresh = useNewOrderAlert(feed.items, feed.status === 'live');
  const [lastStep, setLastStep] = useState<{ order: OrderTicket; to: Step } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const send = async (order: OrderTicket, path: string, body?: unknown): Promise<OrderResponse | null> => {
    try {
      const updated = await session.request<OrderResponse>(`/api/orders/${order.id}/${path}`, {
        method: 'POST',
        ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
      });
      setProblem(null);
      return updated;
    } catch {
      // Another screen moved it first, or the server is away: the feed brings the truth either way.
      setProblem(`${callNumber(order)}번: 다시 해 주세요 · Please try again`);
      return null;
    }
  };

  const advance = async (order: OrderTicket, status: Step) => {
    const updated = await send(order, 'status', { status });
    if (!updated) return;
    feed.setItems((orders) => applyOrderMessage(orders, { v: 1, event: 'status', order: updated }));
    setLastStep({ order: updated, to: status });
  };

  const undo = async () => {
    if (!lastStep) return;
    const updated = await send(lastStep.order, 'undo', { status: lastStep.to });
    if (!updated) return;
    feed.setItems((orders) => applyOrderMessage(orders, { v: 1, event: 'undone', order: updated }));
    setLastStep(null);
  };

  const cooking = feed.items.filter((order) => order.status === 'paid');
  const ready = feed.items.filter((order) => order.status === 'ready');
  const cardProps = { now, fresh };
  return (
    <>
      <FeedStatusLine status={feed.status} />
      <SoundSwitch />
      <p className="new-order-announcement" role="status">
        {fresh.size > 0 ? `새 주문 · New order: ${feed.items.filter((order) => fresh.has(order.id)).map(callNumber).join(', ')}` : ''}
      </p>
      {lastStep && (
        <div className="undo-bar" role="status">
          <span>
            {callNumber(lastStep.order)}번 → {STEP_TEXT[lastStep.to]}
          </span>
          <button type="button" className="action secondary" onClick={() => void undo()}>
            되돌리기 · Undo <span className="visually-hidden">{callNumber(lastStep.order)}</span>
          </button>
        </div>
      )}
      {problem && (
        <p className="device-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="kitchen-columns">
        <OrderColumn title={`조리할 주문 · To cook (${cooking.length})`} orders={cooking} {...cardProps} actions={[{ text: STEP_TEXT.ready, run: (order) => advance(order, 'ready') }]} />
        <OrderColumn
          title={`준비 완료 · Ready (${ready.length})`}
          orders={ready}
          {...cardProps}
          actions={[
            { text: STEP_TEXT.picked_up, run: (order) => advance(order, 'picked_up') },
            { text: '다시 호출 · Call again', secondary: true, run: (order) => void send(order, 'call-again') },
          ]}
        />
      </div>
    </>
  );
}

export function loadOpenOrders(session: DeviceSession): () => Promise<BoardOrder[]> {
  return () => session.request<OrderListResponse>('/api/orders/open').then((list) => list.orders);
}

/** Chimes for orders that arrive while the display watches (not those it found on loading) and marks them new for a while. */
function useNewOrderAlert(orders: BoardOrder[], live: boolean): ReadonlySet<string> {
  const seen = useRef<Set<string> | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const timers = useRef<ReturnType<typeof setTimeout>[]>([]);
  useEffect(() => {
    if (!live) return;
    const arrived = seen.current ? orders.filter((order) => order.status === 'paid' && !seen.current!.has(order.id)).map((order) => order.id) : [];
    seen.current = new Set([...(seen.current ?? []), ...orders.map((order) => order.id)]);
    if (arrived.length === 0) return;
    chime();
    setFresh((current) => new Set([...current, ...arrived]));
    timers.current.push(setTimeout(() => setFresh((current) => new Set([...current].filter((id) => !arrived.includes(id)))), NEW_FOR_MS));
  }, [orders, live]);
  useEffect(() => () => timers.current.forEach(clearTimeout), []);
  return fresh;
}

/** Browsers start with sound off: one tap here lets the chime be heard. */
function SoundSwitch() {
  const [on, setOn] = useState(soundIsOn);
  if (on) return null;
  return (
    <button type="button" className="action sound-switch" onClick={() => void turnSoundOn().then(() => setOn(soundIsOn()))}>
      🔔 알림 소리 켜기 · Turn on the chime
    </button>
  );
}

type Action = { text: string; secondary?: boolean; run: (order: OrderTicket) => void };
type ColumnProps = { title: string; orders: BoardOrder[]; actions: Action[]; now: number; fresh: ReadonlySet<string> };

function OrderColumn({ title, orders, actions, now, fresh }: ColumnProps) {
  return (
    <section className="kitchen-column" aria-label={title}>
      <h2>{title}</h2>
      {orders.length === 0 ? (
        <p className="empty">없음 · None</p>
      ) : (
        <ul className="order-cards">
          {orders.map((order) => {
            const waited = minutesSince(order.createdAt, now);
            return (
              <li key={order.id} className={`order-card ${order.status}${fresh.has(order.id) ? ' new' : ''}`} data-order-number={callNumber(order)} data-waited={waited}>
                <div className="order-card-head">
                  <span className="order-number">{callNumber(order)}</span>
                  <span className="order-meta">
                    {DINING_TEXT[order.diningOption] ?? order.diningOption} · {clockTime(order.createdAt)}
                  </span>
                </div>
                <p className={waited >= LONG_WAIT_MINUTES ? 'waited long' : 'waited'}>
                  {waited}분 대기 · waited {waited} min
                </p>
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
                <div className="card-actions">
                  {actions.map((action) => (
                    <button key={action.text} type="button" className={action.secondary ? 'action secondary' : 'action'} onClick={() => action.run(order)}>
                      {action.text} <span className="visually-hidden">{callNumber(order)}</span>
                    </button>
                  ))}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
