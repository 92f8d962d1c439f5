import { useEffect, useRef, useState } from 'react';

/**
 * `value`, passed on at most once every `intervalMs` (the last one always arrives); with
 * `intervalMs` 0, at once. For a view that would otherwise redraw on every page loaded.
 */
export function useThrottledValue<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    if (Object.is(value, shown)) {
      return;
    }
    const wait = intervalMs === 0 ? 0 : last.current + intervalMs - Date.now();
    const pass = () => {
      last.current = Date.now();
      setShown(value);
    };
    if (wait <= 0) {
      pass();
      return;
    }
    const timer = setTimeout(pass, wait);
    return () => clearTimeout(timer);
  }, [value, shown, intervalMs]);
  return intervalMs === 0 ? value : shown;
}
