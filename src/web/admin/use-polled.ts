/** Loads a page's data and loads it again every few seconds, so the console follows the shop floor. */
import { useCallback, useEffect, useState } from 'react';
import { problemText } from '../shared/problem-text';

export type Polled<T> = { data: T | null; error: string | null; reload: () => void };

export function usePolled<T>(load: () => Promise<T>, everyMs = 5000): Polled<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    load().then(
      (value) => {
        setData(value);
        setError(null);
      },
      (failure: unknown) => setError(problemText(failure)),
    );
    // `load` is a stable API call chosen by the page.
  }, [load]);
  useEffect(() => {
    reload();
    const timer = setInterval(reload, everyMs);
    return () => clearInterval(timer);
  }, [reload, everyMs]);
  return { data, error, reload };
}
