/**
 * Idle handling that never surprises: after a quiet spell a spoken, visible warning counts down,
 * and only then does the kiosk reset. Any touch or key press, or "more time", starts over.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

type Options = { enabled: boolean; warnAfterMs: number; warningMs: number; onTimeout: () => void };

export function useIdleWarning({ enabled, warnAfterMs, warningMs, onTimeout }: Options) {
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  const [activity, setActivity] = useState(0);
  const timeoutRef = useRef(onTimeout);
  timeoutRef.current = onTimeout;

  const moreTime = useCallback(() => setActivity((count) => count + 1), []);

  useEffect(() => {
    if (!enabled) return;
    const onActivity = () => setActivity((count) => count + 1);
    window.addEventListener('pointerdown', onActivity);
    window.addEventListener('keydown', onActivity);
    return () => {
      window.removeEventListener('pointerdown', onActivity);
      window.removeEventListener('keydown', onActivity);
    };
  }, [enabled]);

  useEffect(() => {
    setSecondsLeft(null);
    if (!enabled) return;
    let ticker: ReturnType<typeof setInterval> | undefined;
    const warning = setTimeout(() => {
      const endsAt = Date.now() + warningMs;
      const tick = () => {
        const left = Math.max(0, Math.ceil((endsAt - Date.now()) / 1000));
        setSecondsLeft(left);
        if (left === 0) {
          clearInterval(ticker);
          timeoutRef.current();
        }
      };
      tick();
      ticker = setInterval(tick, 1000);
    }, warnAfterMs);
    return () => {
      clearTimeout(warning);
      clearInterval(ticker);
    };
  }, [enabled, warnAfterMs, warningMs, activity]);

  return { secondsLeft, moreTime };
}
