import { noFilters, type TimelinePage, timelineReviewApi } from '../../api/timeline-api.ts';
import { isRecordId } from '../../routing/is-record-id.ts';
import { matchPath } from '../../routing/match-path.ts';

/** A first page older than this is read again rather than shown. */
const freshForMs = 10_000;

const asked = new Map<string, { at: number; page: Promise<TimelinePage> }>();

/**
 * Asks for the first page of a postmortem's unfiltered timeline now, before the view that
 * shows it is drawn: the page that opens on the timeline tab would otherwise wait for the
 * postmortem to arrive before asking. Asking again keeps the first request while it is fresh.
 */
export function prefetchTimeline(postmortemId: string): void {
  const earlier = asked.get(postmortemId);
  if (earlier && Date.now() - earlier.at < freshForMs) {
    return;
  }
  const entry = { at: Date.now(), page: timelineReviewApi.firstPage(postmortemId, noFilters) };
  asked.set(postmortemId, entry);
  // Refused (asked before signing in, say), it is forgotten: the view asks again itself.
  entry.page.catch(() => {
    if (asked.get(postmortemId) === entry) {
      asked.delete(postmortemId);
    }
  });
}

/**
 * `prefetchTimeline` for an address that opens a postmortem on its timeline tab (the default
 * tab); nothing for any other address.
 */
export function prefetchTimelineFor(address: string): void {
  const url = new URL(address, 'http://local');
  const id = matchPath('/postmortems/:id', url.pathname)?.id;
  if (isRecordId(id) && (url.searchParams.get('tab') ?? 'timeline') === 'timeline') {
    prefetchTimeline(id);
  }
}

/** The first page asked for by `prefetchTimeline`, once, if still fresh. */
export function takePrefetchedTimeline(postmortemId: string): Promise<TimelinePage> | undefined {
  const entry = asked.get(postmortemId);
  asked.delete(postmortemId);
  return entry && Date.now() - entry.at < freshForMs ? entry.page : undefined;
}

/** Drops a first page asked for before a change someone made: it may not show the change. */
export function forgetPrefetchedTimeline(postmortemId: string): void {
  asked.delete(postmortemId);
}
