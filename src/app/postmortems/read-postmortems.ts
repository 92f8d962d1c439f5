import { toIsoDate } from '../../domain/business-days.ts';
import { computePhaseDeadlines, type PhaseDeadline } from '../../domain/due-dates.ts';
import type { Severity } from '../../domain/incident.ts';
import type { Postmortem } from '../../domain/postmortem.ts';
import { type UnmetCondition, worstSeverity } from '../../domain/postmortem-guards.ts';
import { unmetForNextPhase } from '../../domain/postmortem-phase.ts';
import type { PostmortemPhase } from '../../domain/postmortem-phases.ts';
import type { ReportSection } from '../../domain/report-template.ts';
import type { Actor } from '../../domain/user.ts';
import { incidentsRepository } from '../../storage/repositories/incidents-repository.ts';
import { postmortemsRepository } from '../../storage/repositories/postmortems-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';
import type { ReadCache } from '../read-cache.ts';
import { checkPostmortemAction, loadPostmortemFor } from './load-postmortem.ts';
import { loadSnapshotWith } from './load-snapshot.ts';
import { type ListPostmortemsQuery, toPostmortemFilters } from './postmortem-list-filters.ts';

/** A postmortem with what stands between it and its next phase. */
export interface PostmortemView {
  postmortem: Postmortem;
  severity: Severity;
  nextPhase: PostmortemPhase | null;
  unmetForNextPhase: UnmetCondition[];
  /** The text sections its report template asks for (a security template's own, …). */
  reportSections: ReportSection[];
  deadlines: PhaseDeadline[];
  counts: {
    timelineEvents: number;
    contributingFactors: number;
    actionItems: number;
    participants: number;
  };
  /**
   * The whole timeline, when asked for: the JSON array the API presents, built by the
   * database in the snapshot's own statement (see `readSnapshotParts`), as text or as its UTF-8
   * bytes.
   */
  timelineJson?: string | Uint8Array;
}

/** Builds the view of a postmortem already loaded in the caller's transaction. */
export async function buildPostmortemView(
  deps: AppDeps,
  postmortem: Postmortem,
  options: { includeTimeline?: boolean } = {},
): Promise<PostmortemView> {
  const { snapshot, timelineJson } = await loadSnapshotWith(deps, postmortem, {
    timelineJson: options.includeTimeline,
  });
  const { next, unmet } = unmetForNextPhase(snapshot);
  const severity = worstSeverity(snapshot.incidents);
  const resolvedTimes = snapshot.incidents.map((i) => i.instants.resolved_at?.at);
  const allResolved = resolvedTimes.every((t) => t !== undefined);
  const lastResolved = allResolved
    ? new Date(Math.max(...resolvedTimes.map((t) => t?.getTime() ?? 0)))
    : null;
  return {
    postmortem,
    severity,
    nextPhase: next ?? null,
    unmetForNextPhase: unmet,
    reportSections: snapshot.policy.reportSections,
    deadlines: computePhaseDeadlines(
      deps.policy,
      severity,
      lastResolved,
      postmortem.phase,
      toIsoDate(deps.clock()),
    ),
    counts: {
      timelineEvents: snapshot.acceptedTimelineEventCount,
      contributingFactors: snapshot.factors.length,
      actionItems: snapshot.actionItems.length,
      participants: snapshot.participants.length,
    },
    ...(timelineJson ? { timelineJson } : {}),
  };
}

/**
 * Reads a postmortem and renders its view, reusing a cached rendering while nothing it
 * depends on has changed: the postmortem's revision (bumped by every write to it or its
 * parts), its incidents' versions, and today's date (deadlines turn overdue at midnight).
 * Visibility is checked on every call, before the cache is consulted.
 */
export async function readPostmortem<T>(
  deps: AppDeps,
  actor: Actor,
  id: string,
  options: {
    includeTimeline: boolean;
    render: (view: PostmortemView) => T;
    cache?: ReadCache<T>;
  },
): Promise<{ postmortem: Postmortem; rendered: T }> {
  return inTransaction(deps, async (tx) => {
    const found = await postmortemsRepository.findVisiblePostmortemWithIncidentVersions(
      tx.db,
      actor,
      id,
    );
    const postmortem = checkPostmortemAction(actor, 'postmortem.read', found?.postmortem);
    const key = [
      postmortem.id,
      options.includeTimeline ? 'timeline' : 'view',
      postmortem.revision,
      found?.incidentVersions,
      toIsoDate(tx.clock()),
    ].join('|');
    const cached = options.cache?.get(key);
    if (cached !== undefined) {
      return { postmortem, rendered: cached };
    }
    const rendered = options.render(
      await buildPostmortemView(tx, postmortem, { includeTimeline: options.includeTimeline }),
    );
    options.cache?.set(key, rendered);
    return { postmortem, rendered };
  });
}

/** One postmortem the actor may see, with its next-phase conditions and deadlines. */
export async function getPostmortem(
  deps: AppDeps,
  actor: Actor,
  id: string,
): Promise<PostmortemView> {
  return inTransaction(deps, async (tx) =>
    buildPostmortemView(tx, await loadPostmortemFor(tx, actor, id, 'postmortem.read')),
  );
}

/** A page of postmortems the actor may see, each with its worst incident severity. */
export async function listPostmortems(
  deps: AppDeps,
  actor: Actor,
  query: ListPostmortemsQuery & { cursor?: string; limit: number },
) {
  const page = await postmortemsRepository.listVisiblePostmortems(
    deps.db,
    actor,
    await toPostmortemFilters(deps, actor, query),
    { cursor: query.cursor, limit: query.limit },
  );
  const incidents = await incidentsRepository.findIncidentsByIds(deps.db, [
    ...new Set(page.items.flatMap((p) => p.incidentIds)),
  ]);
  const byId = new Map(incidents.map((i) => [i.id, i]));
  return {
    ...page,
    items: page.items.map((postmortem) => ({
      postmortem,
      severity: worstSeverity(
        postmortem.incidentIds.flatMap((id) => {
          const incident = byId.get(id);
          return incident ? [incident] : [];
        }),
      ),
    })),
  };
}
