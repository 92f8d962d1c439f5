import type { ReviewRequest } from '../../domain/review-request.ts';
import { reviewRequestsRepository as repo } from '../../storage/repositories/review-requests-repository.ts';
import type { AppDeps } from '../app-deps.ts';

/** A requested review with the names people read: who is asked, who answered. */
export type LabelledReviewRequest = ReviewRequest & {
  label: string;
  decidedByName: string | null;
};

/** The requests of a postmortem, oldest first, each labelled, in the caller's transaction. */
export async function loadReviewRequests(
  deps: AppDeps,
  postmortemId: string,
): Promise<LabelledReviewRequest[]> {
  const requests = await repo.listForPostmortem(deps.db, postmortemId);
  const names = await repo.namesById(deps.db, [
    ...requests.flatMap((r) => (r.reviewerUserId ? [r.reviewerUserId] : [])),
    ...requests.flatMap((r) => (r.decidedById ? [r.decidedById] : [])),
  ]);
  return labelReviewRequests(requests, names);
}

/** Labels requests with the names of the accounts they name (`names` by account id). */
export function labelReviewRequests(
  requests: readonly ReviewRequest[],
  names: ReadonlyMap<string, string>,
): LabelledReviewRequest[] {
  return requests.map((r) => ({
    ...r,
    label: r.team ? `team ${r.team}` : (names.get(r.reviewerUserId ?? '') ?? 'a former account'),
    decidedByName: r.decidedById ? (names.get(r.decidedById) ?? null) : null,
  }));
}

/** The enabled accounts of a policy team (none when the policy names no such team). */
export async function reviewTeamMembers(
  deps: AppDeps,
  team: string,
): Promise<Array<{ id: string; name: string }>> {
  return repo.accountsByEmail(deps.db, deps.policy.reviewTeams?.[team] ?? []);
}
