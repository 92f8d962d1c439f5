import type { Postmortem } from '../../domain/postmortem.ts';
import { missingApprovalRoles } from '../../domain/review-request.ts';
import { reviewRequestsRepository } from '../../storage/repositories/review-requests-repository.ts';
import type { AppDeps } from '../app-deps.ts';

/**
 * The roles among `roles` (`security`, `legal`, …) whose approval a postmortem still lacks,
 * read in the caller's transaction; empty when each has an approved review that counts (not the
 * author's own, unless the policy allows it). For steps that need reviews in a given capacity,
 * such as publishing a security incident's report.
 */
export async function findMissingReviewRoles(
  deps: AppDeps,
  postmortem: Pick<Postmortem, 'id' | 'createdById'>,
  roles: readonly string[],
): Promise<string[]> {
  const requests = await reviewRequestsRepository.listForPostmortem(deps.db, postmortem.id);
  return missingApprovalRoles(requests, roles, {
    authorUserId: postmortem.createdById,
    authorMayApprove: deps.policy.authorMayApprove,
  });
}
