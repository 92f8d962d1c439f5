import { toIsoDate } from '../../domain/business-days.ts';
import { computePhaseDeadlines, type PhaseDeadline } from '../../domain/due-dates.ts';
import type { Severity } from '../../domain/incident.ts';
import type { Postmortem } from '../../domain/postmortem.ts';
import {
  type PostmortemPhase,
  type UnmetCondition,
  unmetForNextPhase,
  worstSeverity,
} from '../../domain/postmortem-phase.ts';
import type { Actor } from '../../domain/user.ts';
import { incidentsRepository } from '../../storage/repositories/incidents-repository.ts';
import { postmortemsRepository } from '../../storage/repositories/postmortems-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from './load-postmortem.ts';
import { loadSnapshot } from './load-snapshot.ts';

/** A postmortem with what stands between it and its next phase. */
export interface PostmortemView {
  postmortem: Postmortem;
  severity: Severity;
  nextPhase: PostmortemPhase | null;
  unmetForNextPhase: UnmetCondition[];
  deadlines: PhaseDeadline[];
  counts: {
    timelineEvents: number;
    contributingFactors: number;
    actionItems: number;
    participants: number;
  };
}

/** Builds the view of a postmortem already loaded in the caller's transaction. */
export async function buildPostmortemView(
  deps: AppDeps,
  postmortem: Postmortem,
): Promise<PostmortemView> {
  const snapshot = await loadSnapshot(deps, postmortem);
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
  };
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
  query: { phase?: PostmortemPhase[]; incidentId?: string; cursor?: string; limit: number },
) {
  const page = await postmortemsRepository.listVisiblePostmortems(
    deps.db,
    actor,
    { phases: query.phase, incidentId: query.incidentId },
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
