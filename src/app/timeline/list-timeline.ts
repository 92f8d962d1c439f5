import type { Postmortem } from '../../domain/postmortem.ts';
import type { TimelineEvent } from '../../domain/timeline-event.ts';
import type { Actor } from '../../domain/user.ts';
import {
  clockSkewsRepository,
  type SourceClockSkew,
} from '../../storage/repositories/clock-skews-repository.ts';
import {
  type TimelineFilters,
  timelineQueriesRepository,
} from '../../storage/repositories/timeline-queries-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';

/** One page of a postmortem's merged timeline, with the clock skews to show beside it. */
export interface TimelinePage {
  postmortem: Postmortem;
  items: TimelineEvent[];
  nextCursor: string | null;
  total: number;
  skews: SourceClockSkew[];
}

/** Lists the timeline across sources in stable order (occurredAt, createdAt, id), filtered. */
export async function listTimeline(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  filters: TimelineFilters,
  page: { cursor?: string; limit: number },
): Promise<TimelinePage> {
  return inTransaction(deps, async (tx) => {
    const postmortem = await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.read');
    const result = await timelineQueriesRepository.listPage(tx.db, postmortemId, filters, page);
    const skews = await clockSkewsRepository.listForPostmortem(tx.db, postmortemId);
    return { postmortem, ...result, skews };
  });
}

/** The ids and versions of a postmortem's timeline, filtered, with its clock skews. */
export interface TimelineVersions {
  postmortem: Postmortem;
  ids: string[];
  versions: number[];
  skews: SourceClockSkew[];
}

/** Lists what a reader compares to tell which events changed: ids and versions, in order. */
export async function listTimelineVersions(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  filters: TimelineFilters,
): Promise<TimelineVersions> {
  return inTransaction(deps, async (tx) => {
    const postmortem = await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.read');
    const result = await timelineQueriesRepository.listVersions(tx.db, postmortemId, filters);
    const skews = await clockSkewsRepository.listForPostmortem(tx.db, postmortemId);
    return { postmortem, ...result, skews };
  });
}
