import { useEffect, useRef, useState } from 'react';

/** Someone viewing the same postmortem. */
export interface LiveViewer {
  userId: string;
  name: string;
}

/**
 * Listens to the postmortem's event stream: calls `onChange` after every change someone
 * commits (its revision moved past what this page last saw) and returns who is viewing it.
 * EventSource reconnects by itself; a reconnection may have missed changes, so it re-reads.
 */
export function useLivePostmortem(postmortemId: string, onChange: () => void): LiveViewer[] {
  const [viewers, setViewers] = useState<LiveViewer[]>([]);
  const latest = useRef(onChange);
  latest.current = onChange;

  useEffect(() => {
    if (typeof EventSource === 'undefined') {
      return;
    }
    const source = new EventSource(`/api/v1/postmortems/${postmortemId}/events`);
    let revision: number | null = null;
    let opened = false;
    source.addEventListener('hello', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { revision: number };
      if (opened && data.revision !== revision) {
        latest.current();
      }
      opened = true;
      revision = data.revision;
    });
    source.addEventListener('change', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { revision: number | null };
      if (data.revision === null || revision === null || data.revision > revision) {
        revision = data.revision ?? revision;
        latest.current();
      }
    });
    source.addEventListener('presence', (event) => {
      const data = JSON.parse((event as MessageEvent<string>).data) as { viewers: LiveViewer[] };
      setViewers(data.viewers);
    });
    return () => source.close();
  }, [postmortemId]);

  return viewers;
}
