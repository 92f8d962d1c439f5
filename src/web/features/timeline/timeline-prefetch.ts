import { noFilters, type TimelinePage, timelineReviewApi } from '../../api/timeline-api.ts';

/** A first page older than this is read again rather than shown. */
const freshForMs = 10_000;

const asked = new Map<string, { at: number; page: Promise<TimelinePage> }>();

/**
 * Asks for the first page of a postmortem's unfiltered timeline now, before the view that
 * shows it is drawn: the page that opens on the timeline tab would otherwise wait for the
 * postmortem to arrive before asking. Asking twice keeps the first request.
 */
export function prefetchTimeline(postmortemId: string): void {
  if (asked.has(postmortemId)) {
    return;
  }
  const page = timelineReviewApi.firstPage(postmortemId, noFilters);
  // Whoever takes it handles a failure; nobody taking it must not be an unhandled rejection.
  page.catch(() => {});
  asked.set(postmortemId, { at: Date.now(), page });
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
