import { z } from 'zod';
import {
  clockSkewSchema,
  type keyInstantProposalSchema,
  keyInstantProposalsSchema,
  timelineIdsMax,
  type timelineItemSchema,
  timelinePageSchema,
  timelineVersionsSchema,
} from '../../contracts/timeline.ts';
import type { proposableInstants } from '../../domain/key-instant-proposals.ts';
import { ApiError } from './api-error.ts';
import { requestJson } from './http.ts';
import { timelineApi } from './parts-api.ts';
import {
  filterQuery,
  noFilters,
  postmortemPath as path,
  type TimelineFilters,
  timelinePageQuery,
} from './timeline-query.ts';

/** A timeline event as the timeline endpoint answers it (skew shown beside, never applied). */
export type ReviewEvent = z.infer<typeof timelineItemSchema>;
export type TimelinePage = z.infer<typeof timelinePageSchema>;
export type ClockSkew = TimelinePage['skews'][number];
export type KeyInstantProposal = z.infer<typeof keyInstantProposalSchema>;
export type TimelineVersions = z.infer<typeof timelineVersionsSchema>;
export { noFilters, type TimelineFilters, timelineIdsMax };

/** Keeps what the filters keep: the fallback applies them in the browser. */
export function matchesFilters(event: ReviewEvent, filters: TimelineFilters): boolean {
  return (
    (filters.sources.length === 0 || filters.sources.includes(event.source)) &&
    (filters.statuses.length === 0 || filters.statuses.includes(event.status)) &&
    (filters.kinds.length === 0 || filters.kinds.includes(event.kind)) &&
    (!filters.pinnedOnly || event.pinned)
  );
}

function readPage(postmortemId: string, filters: TimelineFilters, cursor: string | null) {
  return requestJson(timelinePageSchema, 'GET', path(postmortemId, '/timeline'), {
    query: timelinePageQuery(filters, cursor),
  });
}

/** The timeline review endpoints. */
export const timelineReviewApi = {
  /**
   * Every event matching the filters, page by page in timeline order, each page with the
   * total and the clock skews per source. The first page may have been asked for before the
   * view was drawn (`readEarly`, with `timelinePageQuery`): its request then takes that answer.
   */
  async *pages(postmortemId: string, filters: TimelineFilters): AsyncGenerator<TimelinePage> {
    let page: TimelinePage;
    try {
      page = await readPage(postmortemId, filters, null);
    } catch (error) {
      if (!(error instanceof ApiError) || error.problem.status !== 404) {
        throw error;
      }
      // Servers without the timeline endpoint: the plain event list, filtered here.
      const all = await requestJson(
        timelinePageSchema,
        'GET',
        path(postmortemId, '/timeline-events'),
        { query: { limit: 5000 } },
      );
      const data = all.data.filter((row) => matchesFilters(row.data, filters));
      yield { data, page: { nextCursor: null, total: data.length }, skews: [] };
      return;
    }
    yield page;
    while (page.page.nextCursor) {
      page = await readPage(postmortemId, filters, page.page.nextCursor);
      yield page;
    }
  },
  /** The id and version of every event matching the filters, in timeline order. */
  versions: (postmortemId: string, filters: TimelineFilters) =>
    requestJson(timelineVersionsSchema, 'GET', path(postmortemId, '/timeline/versions'), {
      query: filterQuery(filters),
    }),
  /** The events of `ids` (at most `timelineIdsMax`) that match the filters, in timeline order. */
  byIds: (postmortemId: string, filters: TimelineFilters, ids: readonly string[]) =>
    requestJson(timelinePageSchema, 'GET', path(postmortemId, '/timeline'), {
      query: { ...filterQuery(filters), ids: ids.join(','), limit: Math.max(ids.length, 1) },
    }),
  review: (postmortemId: string, eventIds: string[], action: 'accept' | 'reject') =>
    requestJson(
      z.object({ data: z.object({ updated: z.number() }) }),
      'POST',
      path(postmortemId, '/timeline/review'),
      { body: { eventIds, action } },
    ),
  /**
   * Accepts or rejects many events at once; on a server without the bulk endpoint, one
   * versioned edit per event.
   */
  async reviewMany(
    postmortemId: string,
    events: ReadonlyArray<Pick<ReviewEvent, 'id' | 'version'>>,
    action: 'accept' | 'reject',
  ): Promise<number> {
    try {
      const ids = events.map((event) => event.id);
      return (await timelineReviewApi.review(postmortemId, ids, action)).data.updated;
    } catch (error) {
      if (!(error instanceof ApiError) || error.problem.status !== 404) {
        throw error;
      }
      const status = action === 'accept' ? 'accepted' : 'rejected';
      for (const event of events) {
        await timelineApi.update(event.id, event.version, { status });
      }
      return events.length;
    }
  },
  setSkew: (postmortemId: string, source: string, offsetMs: number, reason: string) =>
    requestJson(
      z.object({ data: clockSkewSchema }),
      'PUT',
      path(postmortemId, `/clock-skews/${encodeURIComponent(source)}`),
      { body: { offsetMs, reason } },
    ),
  proposals: (postmortemId: string) =>
    requestJson(keyInstantProposalsSchema, 'GET', path(postmortemId, '/key-instant-proposals')),
  confirmProposal: (
    postmortemId: string,
    name: (typeof proposableInstants)[number],
    eventId: string,
  ) =>
    requestJson(z.unknown(), 'POST', path(postmortemId, '/key-instant-proposals/confirm'), {
      body: { name, eventId },
    }),
};
