const listeners = new Set<() => void>();

function notify(): void {
  for (const listener of listeners) {
    listener();
  }
}

/** Subscribes to location changes (back/forward and `navigate`). */
export function subscribeToLocation(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

/** The current path and query, e.g. `/incidents?kind=outage`. */
export function getLocationSnapshot(): string {
  return `${window.location.pathname}${window.location.search}`;
}

/** Moves to another in-app address through the History API. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === getLocationSnapshot()) {
    return;
  }
  if (options.replace) {
    window.history.replaceState(null, '', to);
  } else {
    window.history.pushState(null, '', to);
    window.scrollTo(0, 0);
  }
  notify();
}
