import type { timelineEventStatuses } from '../../domain/timeline-event.ts';
import type { ApiQuery } from './api-url.ts';

/** Filters of the timeline; empty lists mean "all". */
export interface TimelineFilters {
  sources: string[];
  statuses: Array<(typeof timelineEventStatuses)[number]>;
  kinds: string[];
  pinnedOnly: boolean;
}

export const noFilters: TimelineFilters = {
  sources: [],
  statuses: [],
  kinds: [],
  pinnedOnly: false,
};

/** `/postmortems/:id` followed by `rest`. */
export const postmortemPath = (postmortemId: string, rest = '') =>
  `/postmortems/${encodeURIComponent(postmortemId)}${rest}`;

/** The filters as the timeline endpoints read them from the query string. */
export const filterQuery = (filters: TimelineFilters) => ({
  source: filters.sources.join(','),
  status: filters.statuses.join(','),
  kind: filters.kinds.join(','),
  pinned: filters.pinnedOnly ? 'true' : undefined,
});

/**
 * The first page holds what a tall window draws (the view and its overscan) and no more: it
 * is what stands between opening the tab and a usable table. The rest come in the largest
 * pages, behind it.
 */
const firstPageSize = 40;
const pageSize = 200;

/**
 * The query of one page of the timeline (the first without a cursor). Apart from the client,
 * which validates answers with its schemas, so that a page can be asked for early
 * (`readEarly`) by code that loads no schema.
 */
export function timelinePageQuery(filters: TimelineFilters, cursor: string | null): ApiQuery {
  return {
    ...filterQuery(filters),
    limit: cursor ? pageSize : firstPageSize,
    cursor: cursor ?? undefined,
  };
}
