import { useMemo, useSyncExternalStore } from 'react';
import { getLocationSnapshot, subscribeToLocation } from './location-store.ts';

export interface AppLocation {
  pathname: string;
  query: URLSearchParams;
  /** Path plus query, as the address bar shows it. */
  href: string;
}

/** The current location; re-renders on every navigation. */
export function useLocation(): AppLocation {
  const href = useSyncExternalStore(subscribeToLocation, getLocationSnapshot);
  return useMemo(() => {
    const url = new URL(href, 'http://local');
    return { pathname: url.pathname, query: url.searchParams, href };
  }, [href]);
}
