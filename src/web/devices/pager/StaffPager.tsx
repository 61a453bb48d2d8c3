/** The staff pager: which kiosk needs help, on which screen (or for which refused offline order), since when; one tap says "on my way". */
import { useEffect, useRef } from 'react';
import type { StaffCallListResponse, StaffCallResponse } from '../../../contracts/http';
import { StaffCallMessage } from '../../../iot/messages';
import { topics } from '../../../iot/topics';
import { speak } from '../../shared/speech';
import { FeedStatusLine } from '../shared/DevicePage';
import type { DeviceSession } from '../../shared/device-session';
import { clockTime } from '../../shared/clock';
import { staffCallAnnouncement, staffCallReason } from '../../shared/staff-call-text';
import { minutesAgo, useMinuteClock } from '../shared/minute-clock';
import { applyStaffCallMessage } from '../shared/store-lists';
import { useStoreFeed } from '../shared/use-store-feed';

export function StaffPager({ session }: { session: DeviceSession }) {
  const feed = useStoreFeed(
    session,
    topics.staffCalls(session.device.storeId),
    StaffCallMessage,
    () => session.request<StaffCallListResponse>('/api/staff-calls/open').then((list) => list.calls),
    applyStaffCallMessage,
  );
  const now = useMinuteClock();

  const heard = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (feed.status !== 'live') return;
    const fresh = heard.current ? feed.items.filter((call) => !heard.current!.has(call.id)) : [];
    heard.current = new Set([...(heard.current ?? []), ...feed.items.map((call) => call.id)]);
    if (fresh.length > 0) speak(fresh.map(staffCallAnnouncement).join(' '), 'ko-KR');
  }, [feed.items, feed.status]);

  const acknowledge = async (call: StaffCallResponse) => {
    try {
      await session.request(`/api/staff-calls/${call.id}/acknowledge`, { method: 'POST' });
    } catch {
      // Someone else answered first, or the server is away: the feed brings the truth either way.
    }
    feed.setItems((calls) => applyStaffCallMessage(calls, { v: 1, event: 'acknowledged', call }));
  };

  return (
    <>
      <FeedStatusLine status={feed.status} />
      {feed.items.length === 0 ? (
        <p className="empty">지금은 호출이 없어요 · No calls right now</p>
      ) : (
        <ul className="calls" aria-live="assertive">
          {feed.items.map((call) => (
            <li key={call.id} className={call.refusedOfflineNumber ? 'call refused-order' : 'call'} data-kiosk={call.kioskId}>
              <div>
                <p className="call-kiosk">{call.kioskId}</p>
                <p className="call-detail">
                  {[staffCallReason(call), clockTime(call.createdAt), minutesAgo(call.createdAt, now)].filter(Boolean).join(' · ')}
                </p>
              </div>
              <button type="button" className="action" onClick={() => acknowledge(call)}>
                확인 · On my way <span className="visually-hidden">{call.kioskId}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
