/** The pickup board: ready numbers, large, each called out once (and again when staff ask); the ones still cooking, smaller. */
import { useEffect, useRef } from 'react';
import { OrderMessage } from '../../../iot/messages';
import { topics } from '../../../iot/topics';
import { speak } from '../../shared/speech';
import { loadOpenOrders } from '../kitchen/KitchenBoard';
import { FeedStatusLine } from '../shared/DevicePage';
import type { DeviceSession } from '../../shared/device-session';
import { applyOrderMessage } from '../shared/store-lists';
import { useStoreFeed } from '../shared/use-store-feed';
import { callNumber } from '../../../domain/call-number';

export function PickupBoard({ session }: { session: DeviceSession }) {
  const feed = useStoreFeed(session, topics.orders(session.device.storeId), OrderMessage, loadOpenOrders(session), applyOrderMessage);
  const readyOrders = feed.items.filter((order) => order.status === 'ready');
  const cooking = feed.items.filter((order) => order.status === 'paid').map(callNumber);

  // Call out orders that became ready while the board was watching, not those it found on loading.
  // By order id: numbers start again every day. Only ids still on the board are remembered.
  const announced = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (feed.status !== 'live') return;
    const readyIds = new Set(readyOrders.map((order) => order.id));
    if (announced.current === null) {
      announced.current = readyIds;
      return;
    }
    const fresh = readyOrders.filter((order) => !announced.current!.has(order.id));
    announced.current = readyIds;
    if (fresh.length > 0) speak(fresh.map((order) => `${callNumber(order)}번 고객님, 주문하신 음식이 나왔습니다.`).join(' '), 'ko-KR');
  }, [readyOrders.map((order) => order.id).join(','), feed.status]);

  // Staff called a number again (the customer did not come): say it again.
  const timesCalled = useRef(new Map<string, number>());
  useEffect(() => {
    const again = readyOrders.filter((order) => (order.timesCalledAgain ?? 0) > (timesCalled.current.get(order.id) ?? 0));
    timesCalled.current = new Map(readyOrders.map((order) => [order.id, order.timesCalledAgain ?? 0]));
    if (again.length > 0) speak(again.map((order) => `${callNumber(order)}번 고객님, 주문하신 음식을 찾아가 주세요.`).join(' '), 'ko-KR');
  }, [readyOrders.map((order) => `${order.id}:${order.timesCalledAgain ?? 0}`).join(',')]);

  return (
    <>
      <FeedStatusLine status={feed.status} />
      <div className="pickup-board">
        <section aria-labelledby="ready-title">
          <h2 id="ready-title">준비 완료 · Ready</h2>
          <ul className="ready-numbers" aria-live="polite">
            {readyOrders.map((order) => (
              <li key={order.id} className={order.timesCalledAgain ? 'called-again' : undefined}>
                {callNumber(order)}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="cooking-title">
          <h2 id="cooking-title">준비 중 · Cooking</h2>
          <ul className="cooking-numbers">
            {cooking.map((number) => (
              <li key={number}>{number}</li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
