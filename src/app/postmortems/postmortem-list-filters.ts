import { toIsoDate } from '../../domain/business-days.ts';
import { computePhaseDeadlines } from '../../domain/due-dates.ts';
import type { IncidentKind, Severity } from '../../domain/incident.ts';
import type { PostmortemPhase } from '../../domain/postmortem-phases.ts';
import type { Actor } from '../../domain/user.ts';
import { listOpenPostmortemClocks } from '../../storage/repositories/postmortem-clocks-repository.ts';
import type { PostmortemFilters } from '../../storage/repositories/postmortems-repository.ts';
import type { AppDeps } from '../app-deps.ts';

/** The postmortem list's filters as the API takes them. */
export interface ListPostmortemsQuery {
  phase?: PostmortemPhase[];
  incidentId?: string;
  q?: string;
  severity?: Severity[];
  kind?: IncidentKind[];
  service?: string;
  /** Only postmortems with a phase deadline already passed. */
  overdue?: boolean;
  /** Only postmortems the caller created, is a member or participant of, or owns an item in. */
  mine?: boolean;
}

/** Ids of the open postmortems the actor may see that have missed a phase deadline today. */
async function overduePostmortemIds(deps: AppDeps, actor: Actor): Promise<string[]> {
  const today = toIsoDate(deps.clock());
  const clocks = await listOpenPostmortemClocks(deps.db, actor);
  return clocks
    .filter((clock) =>
      computePhaseDeadlines(deps.policy, clock.severity, clock.resolvedAt, clock.phase, today).some(
        (deadline) => deadline.overdue,
      ),
    )
    .map((clock) => clock.id);
}

/** Turns the list query into storage filters; "overdue" is worked out with the policy here. */
export async function toPostmortemFilters(
  deps: AppDeps,
  actor: Actor,
  query: ListPostmortemsQuery,
): Promise<PostmortemFilters> {
  return {
    phases: query.phase,
    incidentId: query.incidentId,
    q: query.q,
    severities: query.severity,
    kinds: query.kind,
    service: query.service,
    ids: query.overdue ? await overduePostmortemIds(deps, actor) : undefined,
    involvingUserId: query.mine ? actor.id : undefined,
  };
}
