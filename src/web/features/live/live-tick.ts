import { createContext, useContext, useEffect, useRef } from 'react';

/** Counts the changes others made to the postmortem on screen since it was opened. */
export const LiveTickContext = createContext(0);

/** Calls `reload` whenever someone else changes the postmortem this component is part of. */
export function useReloadOnLiveChange(reload: () => unknown): void {
  const tick = useContext(LiveTickContext);
  const seen = useRef(tick);
  useEffect(() => {
    if (tick !== seen.current) {
      seen.current = tick;
      void reload();
    }
  }, [tick, reload]);
}
