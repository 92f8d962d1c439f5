import { z } from 'zod';
import {
  clockSkewSchema,
  type keyInstantProposalSchema,
  keyInstantProposalsSchema,
  type timelineItemSchema,
  timelinePageSchema,
} from '../../contracts/timeline.ts';
import type { proposableInstants } from '../../domain/key-instant-proposals.ts';
import type { timelineEventStatuses } from '../../domain/timeline-event.ts';
import { ApiError } from './api-error.ts';
import { requestJson } from './http.ts';
import { timelineApi } from './parts-api.ts';

/** A timeline event as the timeline endpoint answers it (skew shown beside, never applied). */
export type ReviewEvent = z.infer<typeof timelineItemSchema>;
export type TimelinePage = z.infer<typeof timelinePageSchema>;
export type ClockSkew = TimelinePage['skews'][number];
export type KeyInstantProposal = z.infer<typeof keyInstantProposalSchema>;

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

const path = (postmortemId: string, rest: string) =>
  `/postmortems/${encodeURIComponent(postmortemId)}${rest}`;

/** Keeps what the filters keep: the fallback applies them in the browser. */
export function matchesFilters(event: ReviewEvent, filters: TimelineFilters): boolean {
  return (
    (filters.sources.length === 0 || filters.sources.includes(event.source)) &&
    (filters.statuses.length === 0 || filters.statuses.includes(event.status)) &&
    (filters.kinds.length === 0 || filters.kinds.includes(event.kind)) &&
    (!filters.pinnedOnly || event.pinned)
  );
}

async function listAllPages(postmortemId: string, filters: TimelineFilters): Promise<TimelinePage> {
  const query = {
    source: filters.sources.join(','),
    status: filters.statuses.join(','),
    kind: filters.kinds.join(','),
    pinned: filters.pinnedOnly ? 'true' : undefined,
    limit: 200,
  };
  const first = await requestJson(timelinePageSchema, 'GET', path(postmortemId, '/timeline'), {
    query,
  });
  const data = [...first.data];
  let cursor = first.page.nextCursor;
  // A review covers hours, not months: a few thousand events at most, loaded for the lanes.
  while (cursor && data.length < 10_000) {
    const next = await requestJson(timelinePageSchema, 'GET', path(postmortemId, '/timeline'), {
      query: { ...query, cursor },
    });
    data.push(...next.data);
    cursor = next.page.nextCursor;
  }
  return { data, page: { nextCursor: null, total: data.length }, skews: first.skews };
}

/** The timeline review endpoints. */
export const timelineReviewApi = {
  /** Every event matching the filters, with the clock skews per source. */
  async list(postmortemId: string, filters: TimelineFilters): Promise<TimelinePage> {
    try {
      return await listAllPages(postmortemId, filters);
    } catch (error) {
      if (!(error instanceof ApiError) || error.problem.status !== 404) {
        throw error;
      }
      // Servers without the timeline endpoint: the plain event list, filtered here.
      const page = await requestJson(
        timelinePageSchema,
        'GET',
        path(postmortemId, '/timeline-events'),
        { query: { limit: 5000 } },
      );
      const data = page.data.filter((row) => matchesFilters(row.data, filters));
      return { data, page: { nextCursor: null, total: data.length }, skews: [] };
    }
  },
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
