import { forgetEarlyRead, readEarly, readEarlyJson } from '../../api/early-reads.ts';
import { noFilters, postmortemPath, timelinePageQuery } from '../../api/timeline-query.ts';
import { isRecordId } from '../../routing/is-record-id.ts';
import { matchPath } from '../../routing/match-path.ts';

const firstTimelinePage = (postmortemId: string) =>
  [postmortemPath(postmortemId, '/timeline'), timelinePageQuery(noFilters, null)] as const;

/** The ids of the incidents a postmortem's answer names, read without its schema. */
function incidentIdsOf(body: unknown): string[] {
  if (typeof body !== 'object' || body === null || !('data' in body)) {
    return [];
  }
  const { data } = body;
  if (typeof data !== 'object' || data === null || !('incidentIds' in data)) {
    return [];
  }
  const ids: unknown = data.incidentIds;
  return Array.isArray(ids)
    ? ids.filter((id): id is string => typeof id === 'string' && isRecordId(id))
    : [];
}

/**
 * For an address that opens a postmortem, sends the reads its first screen waits for now,
 * alongside the session check instead of after it: the postmortem and the policy, the
 * incidents it reviews as soon as it names them, and the timeline's first page when it opens
 * on that tab (the default). Nothing for any other address. Safe before the session is known:
 * the server answers each read as the cookie's owner or refuses it, and the answers are shown
 * only by the page, which is drawn only for a signed-in visitor (a sign-in or any change
 * drops them, `forgetEarlyReads`).
 */
export function prefetchPostmortemPage(address: string): void {
  const url = new URL(address, 'http://local');
  const id = matchPath('/postmortems/:id', url.pathname)?.id;
  if (!isRecordId(id)) {
    return;
  }
  void readEarlyJson(postmortemPath(id)).then((postmortem) => {
    for (const incidentId of incidentIdsOf(postmortem)) {
      readEarly(`/incidents/${encodeURIComponent(incidentId)}`);
    }
  });
  readEarly('/policy');
  if ((url.searchParams.get('tab') ?? 'timeline') === 'timeline') {
    readEarly(...firstTimelinePage(id));
  }
}

/** Drops the page's early reads not yet shown: someone's change may be missing from them. */
export function forgetPrefetchedPostmortemPage(postmortemId: string): void {
  forgetEarlyRead(postmortemPath(postmortemId));
  forgetEarlyRead(...firstTimelinePage(postmortemId));
}
