import type { z } from 'zod';
import type { requestReviewBodySchema } from '../../contracts/reviews.ts';
import { DomainError } from '../../domain/errors.ts';
import { isSelfApproval } from '../../domain/participant.ts';
import { formatRecordNumber } from '../../domain/record-number.ts';
import type { ReviewRequest } from '../../domain/review-request.ts';
import type { Actor } from '../../domain/user.ts';
import { notificationRecipientsRepository } from '../../storage/repositories/notification-recipients-repository.ts';
import { reviewRequestsRepository as repo } from '../../storage/repositories/review-requests-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { notifyPerson } from '../notifications/notify.ts';
import { addPart, type PartKind } from '../parts/part-write.ts';
import { reviewTeamMembers } from './load-review-requests.ts';

const kind: PartKind = { type: 'review_request', label: 'Review request' };

const refuse = (rule: string, message: string, details: Record<string, unknown> = {}) =>
  new DomainError('INVARIANT_VIOLATED', message, { details: { rule, ...details } });

/**
 * Asks a person or a policy team to review the report. The person must be an enabled account
 * that may see and edit the postmortem, and not its author unless the policy lets the author
 * approve; a team must be one the policy names. One open request per person or team. Those asked
 * are told in the app.
 */
export async function requestReview(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  input: z.infer<typeof requestReviewBodySchema>,
): Promise<ReviewRequest> {
  return addPart(
    deps,
    actor,
    postmortemId,
    kind,
    async (tx, postmortem) => {
      let notify: string[];
      if (input.team !== undefined) {
        if (!deps.policy.reviewTeams?.[input.team]) {
          throw refuse('UNKNOWN_REFERENCE', `The policy names no team "${input.team}".`, {
            field: 'team',
            known: Object.keys(deps.policy.reviewTeams ?? {}),
          });
        }
        notify = (await reviewTeamMembers(tx, input.team)).map((m) => m.id);
      } else {
        const reviewerId = input.userId ?? '';
        const person = await notificationRecipientsRepository.findRecipient(tx.db, reviewerId);
        if (!person || person.disabled) {
          throw refuse('UNKNOWN_REFERENCE', 'No such enabled account.', { field: 'userId' });
        }
        const sees = await notificationRecipientsRepository.canSee(tx.db, person, postmortemId);
        if (!sees || person.role === 'viewer') {
          throw refuse(
            'REVIEWER_CANNOT_REVIEW',
            'That account may not see or edit this postmortem, so it cannot answer a review.',
          );
        }
        if (!deps.policy.authorMayApprove && isSelfApproval(reviewerId, postmortem.createdById)) {
          throw refuse(
            'AUTHOR_SELF_APPROVAL',
            'The author of a report does not review it; ask another person.',
          );
        }
        notify = [reviewerId];
      }
      const open = (await repo.listForPostmortem(tx.db, postmortemId)).find(
        (r) =>
          r.status !== 'approved' &&
          (input.team !== undefined ? r.team === input.team : r.reviewerUserId === input.userId),
      );
      if (open) {
        throw refuse('REVIEW_ALREADY_REQUESTED', 'A review is already open for them.', {
          reviewRequestId: open.id,
        });
      }
      const request = await repo.insert(tx.db, {
        id: tx.newId(),
        postmortemId,
        reviewerUserId: input.userId ?? null,
        team: input.team ?? null,
        role: input.role ?? input.team ?? null,
        status: 'pending',
        requestedById: actor.id,
        createdAt: tx.clock(),
      });
      for (const reviewerId of new Set(notify)) {
        if (reviewerId !== actor.id) {
          await notifyPerson(tx, reviewerId, {
            rule: 'review.requested',
            subjectType: 'review_request',
            subjectId: request.id,
            postmortemId,
            title: `Review requested: postmortem #${formatRecordNumber(postmortem.number)}`,
            body: 'Your review of the report is requested.',
            path: `/postmortems/${postmortemId}#report-review-heading`,
          });
        }
      }
      return request;
    },
    (r) => ({ reviewerUserId: r.reviewerUserId, team: r.team, role: r.role }),
  );
}
