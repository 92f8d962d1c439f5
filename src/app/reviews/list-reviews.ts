import { can } from '../../domain/authorization.ts';
import { isSelfApproval } from '../../domain/participant.ts';
import { worstSeverity } from '../../domain/postmortem-guards.ts';
import { countedApprovers, mayDecide } from '../../domain/review-request.ts';
import type { Actor } from '../../domain/user.ts';
import { incidentsRepository } from '../../storage/repositories/incidents-repository.ts';
import { participantsRepository } from '../../storage/repositories/parts-repositories.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';
import {
  type LabelledReviewRequest,
  loadReviewRequests,
  reviewTeamMembers,
} from './load-review-requests.ts';

/** The review of a report as its readers see it. */
export interface ReviewOverview {
  requests: Array<{
    request: LabelledReviewRequest;
    abilities: { decide: boolean; withdraw: boolean };
  }>;
  required: number;
  approvals: number;
  pending: LabelledReviewRequest[];
  teams: string[];
  abilities: { request: boolean };
}

/**
 * Every requested review of a postmortem the actor may see, with how many approvals the policy
 * requires, how many count, and who has not answered (or asked for changes).
 */
export async function listReviews(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
): Promise<ReviewOverview> {
  return inTransaction(deps, async (tx) => {
    const postmortem = await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.read');
    const requests = await loadReviewRequests(tx, postmortemId);
    const participants = await participantsRepository.listForPostmortem(tx.db, postmortemId);
    const incidents = await incidentsRepository.findIncidentsByIds(tx.db, postmortem.incidentIds);
    const context = {
      authorUserId: postmortem.createdById,
      authorMayApprove: deps.policy.authorMayApprove,
    };
    const writable = can(actor, 'postmortem.update', postmortem) && postmortem.phase !== 'closed';
    const myTeams = new Set<string>();
    for (const team of new Set(requests.flatMap((r) => (r.team ? [r.team] : [])))) {
      if ((await reviewTeamMembers(tx, team)).some((m) => m.id === actor.id)) {
        myTeams.add(team);
      }
    }
    const selfBarred =
      !deps.policy.authorMayApprove && isSelfApproval(actor.id, postmortem.createdById);
    return {
      requests: requests.map((request) => ({
        request,
        abilities: {
          decide:
            writable &&
            !selfBarred &&
            mayDecide(
              request,
              actor.id,
              request.team && myTeams.has(request.team) ? [actor.id] : [],
            ),
          withdraw: writable,
        },
      })),
      required: deps.policy.requiredReviewerApprovals[worstSeverity(incidents)],
      approvals: countedApprovers(participants, requests, context).size,
      pending: requests.filter((r) => r.status !== 'approved'),
      teams: Object.keys(deps.policy.reviewTeams ?? {}),
      abilities: { request: writable },
    };
  });
}
