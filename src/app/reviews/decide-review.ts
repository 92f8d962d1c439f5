import type { z } from 'zod';
import type { decideReviewBodySchema } from '../../contracts/reviews.ts';
import { DomainError } from '../../domain/errors.ts';
import { isSelfApproval } from '../../domain/participant.ts';
import { formatRecordNumber } from '../../domain/record-number.ts';
import { mayDecide, type ReviewRequest } from '../../domain/review-request.ts';
import type { Actor } from '../../domain/user.ts';
import { reviewRequestsRepository as repo } from '../../storage/repositories/review-requests-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { notifyPerson } from '../notifications/notify.ts';
import { changePart, type PartKind } from '../parts/part-write.ts';
import { reviewTeamMembers } from './load-review-requests.ts';

const kind: PartKind = { type: 'review_request', label: 'Review request' };

/**
 * A reviewer approves the report or asks for changes, with a comment. Only the person asked (or
 * a member of the team asked) answers, never the report's author approving their own report
 * unless the policy allows it. An answer can be changed later (approve once the changes are in).
 * Whoever asked for the review is told (`notifyPerson`: in the app, and by e-mail as they allow).
 */
export async function decideReview(
  deps: AppDeps,
  actor: Actor,
  id: string,
  expectedVersion: number,
  input: z.infer<typeof decideReviewBodySchema>,
): Promise<ReviewRequest> {
  return changePart(
    deps,
    actor,
    kind,
    { id, expectedVersion, verb: 'decided' },
    repo.findById,
    async (tx, request, postmortem) => {
      const team = request.team ? (await reviewTeamMembers(tx, request.team)).map((m) => m.id) : [];
      if (!mayDecide(request, actor.id, team)) {
        throw new DomainError('FORBIDDEN', 'Only the reviewer asked answers this review.');
      }
      if (
        input.decision === 'approved' &&
        !deps.policy.authorMayApprove &&
        isSelfApproval(actor.id, postmortem.createdById)
      ) {
        throw new DomainError(
          'INVARIANT_VIOLATED',
          'The author of a report does not approve it; another reviewer does.',
          { details: { rule: 'AUTHOR_SELF_APPROVAL' } },
        );
      }
      const saved = await repo.update(tx.db, id, expectedVersion, {
        status: input.decision,
        comment: input.comment || null,
        decidedById: actor.id,
        decidedAt: tx.clock(),
      });
      if (request.requestedById && request.requestedById !== actor.id) {
        await notifyPerson(tx, request.requestedById, {
          rule: `review.${input.decision}`,
          subjectType: 'review_request',
          subjectId: `${request.id}`,
          postmortemId: request.postmortemId,
          title: `Review answered: postmortem #${formatRecordNumber(postmortem.number)}`,
          body:
            input.decision === 'approved'
              ? 'A reviewer approved the report.'
              : 'A reviewer asked for changes to the report.',
          path: `/postmortems/${request.postmortemId}#report-review-heading`,
        });
      }
      return saved;
    },
    () => ({ decision: input.decision }),
  );
}
