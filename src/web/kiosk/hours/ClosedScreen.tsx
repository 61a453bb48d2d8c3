import { addDays, clockOf, localMoment, nextOpening, weekdayOf } from '../../../domain/store-hours';
import { useKiosk } from '../state/kiosk-context';

/** Outside opening hours (or in the break): no ordering and no camera, just when to come back. */
export function ClosedScreen() {
  const { config, t } = useKiosk();
  const now = localMoment(new Date(), config.timeZone);
  const next = nextOpening(config.hours, now);
  const inDays = next ? [0, 1].find((days) => addDays(now.date, days) === next.date) ?? 2 : null;
  return (
    <section className="screen closed-screen" aria-labelledby="closed-title">
      <h1 id="closed-title">{t.closed.title}</h1>
      {next && inDays !== null && (
        <p className="screen-lead closed-next" data-testid="opens-next">
          {t.closed.opensNext({ date: next.date, weekday: weekdayOf(next.date), inDays }, clockOf(next.minutes))}
        </p>
      )}
      <p className="screen-lead">{t.closed.hours(config.operatingHours.open, config.operatingHours.close)}</p>
      <p>{t.closed.thanks}</p>
    </section>
  );
}
