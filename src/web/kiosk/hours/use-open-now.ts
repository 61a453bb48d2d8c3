/** Whether the store is open now by its own clock, looked at again every half minute. */
import { useEffect, useState } from 'react';
import { isOpenAt, localClock } from '../../../domain/operating-hours';
import { useKiosk } from '../state/kiosk-context';

export function useOpenNow(): boolean {
  const { config } = useKiosk();
  const check = () => isOpenAt(config.operatingHours, localClock(new Date(), config.timeZone));
  const [open, setOpen] = useState(check);
  useEffect(() => {
    setOpen(check());
    const timer = setInterval(() => setOpen(check()), 30_000);
    return () => clearInterval(timer);
    // The hours come with the config, which is reloaded between customers.
  }, [config.operatingHours.open, config.operatingHours.close, config.timeZone]);
  return open;
}
