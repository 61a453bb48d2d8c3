import { useKiosk } from '../state/kiosk-context';

/** Outside opening hours: no ordering and no camera, just when to come back. */
export function ClosedScreen() {
  const { config, t } = useKiosk();
  return (
    <section className="screen closed-screen" aria-labelledby="closed-title">
      <h1 id="closed-title">{t.closed.title}</h1>
      <p className="screen-lead">{t.closed.hours(config.operatingHours.open, config.operatingHours.close)}</p>
      <p>{t.closed.thanks}</p>
    </section>
  );
}
