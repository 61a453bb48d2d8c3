import { useLatestAnnouncement } from '../speech/use-announcer';

/** Everything the kiosk says, also on screen, in a live region: no message is sound only. */
export function Announcement() {
  const latest = useLatestAnnouncement();
  return (
    <p className="announcement" role="status" lang={latest?.lang.slice(0, 2)}>
      {latest?.text}
    </p>
  );
}
