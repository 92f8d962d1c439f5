import { useCallback, useEffect, useRef, useState } from 'react';

/** A section timer's state and controls. */
export interface Countdown {
  remainingMs: number;
  running: boolean;
  start: () => void;
  pause: () => void;
  /** Stops and sets the time left to `ms`. */
  reset: (ms: number) => void;
}

/**
 * A countdown on the browser's clock (nothing is stored): it measures from the instant it was
 * started, so a throttled background tab still shows the right time when it wakes up.
 * Calls `onElapsed` once when it reaches zero.
 */
export function useCountdown(initialMs: number, onElapsed: () => void): Countdown {
  const [remainingMs, setRemainingMs] = useState(initialMs);
  const [running, setRunning] = useState(false);
  const endsAt = useRef(0);
  const elapsed = useRef(onElapsed);
  elapsed.current = onElapsed;

  useEffect(() => {
    if (!running) {
      return;
    }
    const tick = () => {
      const left = Math.max(0, endsAt.current - Date.now());
      setRemainingMs(left);
      if (left === 0) {
        setRunning(false);
        elapsed.current();
      }
    };
    const timer = window.setInterval(tick, 250);
    return () => window.clearInterval(timer);
  }, [running]);

  const start = useCallback(() => {
    setRemainingMs((left) => {
      endsAt.current = Date.now() + left;
      return left;
    });
    setRunning(true);
  }, []);
  const pause = useCallback(() => {
    setRunning(false);
    setRemainingMs(Math.max(0, endsAt.current - Date.now()));
  }, []);
  const reset = useCallback((ms: number) => {
    setRunning(false);
    setRemainingMs(ms);
  }, []);
  return { remainingMs, running, start, pause, reset };
}

/** `mm:ss` for a duration in milliseconds (rounded up, so 0:01 shows until the very end). */
export function formatClock(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
