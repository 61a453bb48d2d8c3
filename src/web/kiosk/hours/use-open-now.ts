/** Whether the store is open now by its own clock (its week, closed days and break), looked at again every half minute. */
import { useEffect, useState } from 'react';
import { isOpenOn, localMoment } from '../../../domain/store-hours';
import { useKiosk } from '../state/kiosk-context';

export function useOpenNow(): boolean {
  const { config } = useKiosk();
  const check = () => isOpenOn(config.hours, localMoment(new Date(), config.timeZone));
  const [open, setOpen] = useState(check);
  useEffect(() => {
    setOpen(check());
    const timer = setInterval(() => setOpen(check()), 30_000);
    return () => clearInterval(timer);
    // The hours come with the config, which is reloaded between customers (a new object each time).
  }, [config.hours, config.timeZone]);
  return open;
}
