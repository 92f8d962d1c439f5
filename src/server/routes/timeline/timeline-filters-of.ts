import type { z } from 'zod';
import type { timelineQuerySchema } from '../../../contracts/timeline.ts';
import type { TimelineFilters } from '../../../storage/repositories/timeline-queries-repository.ts';

/** The filter part of a validated timeline query; the versions query has all but `ids`. */
export type TimelineFilterQuery = Pick<
  z.output<typeof timelineQuerySchema>,
  'source' | 'status' | 'kind' | 'pinned' | 'from' | 'to' | 'ids'
>;

/**
 * The timeline filters a validated query asks for, as the timeline's pages and its versions
 * both read them: a filter left out of the address is left out here, `pinned=false` is kept.
 */
export function timelineFiltersOf(query: TimelineFilterQuery): TimelineFilters {
  return {
    ...(query.source ? { sources: query.source } : {}),
    ...(query.status ? { statuses: query.status } : {}),
    ...(query.kind ? { kinds: query.kind } : {}),
    ...(query.pinned !== undefined ? { pinned: query.pinned } : {}),
    ...(query.from ? { from: new Date(query.from) } : {}),
    ...(query.to ? { to: new Date(query.to) } : {}),
    ...(query.ids ? { ids: query.ids } : {}),
  };
}
