import type { Postmortem } from '../../domain/postmortem.ts';
import { formatRecordNumber } from '../../domain/record-number.ts';
import type { Actor } from '../../domain/user.ts';
import type { Database } from '../../storage/database.ts';
import { participantsRepository } from '../../storage/repositories/parts-repositories.ts';
import { reviewRequestsRepository } from '../../storage/repositories/review-requests-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { notifyPerson } from '../notifications/notify.ts';

type Tx = AppDeps & { db: Database };

/**
 * After an edit of the report's text, makes every approval given before it stale (policy
 * `dismissStaleApprovals`, on unless set to `false`): an answered review request becomes
 * `stale` — its reviewer pending again, the earlier decision kept on the row — and a reviewer
 * participant's "approved" tick is cleared. Each approver but the editor is told. Runs in the
 * edit's transaction; returns how many approvals were dismissed.
 */
export async function dismissStaleApprovals(
  tx: Tx,
  actor: Actor,
  postmortem: Pick<Postmortem, 'id' | 'number'>,
): Promise<number> {
  if (tx.policy.dismissStaleApprovals === false) {
    return 0;
  }
  const approvers: string[] = [];
  const approved = (await reviewRequestsRepository.listForPostmortem(tx.db, postmortem.id)).filter(
    (r) => r.status === 'approved',
  );
  for (const request of approved) {
    await reviewRequestsRepository.update(tx.db, request.id, request.version, { status: 'stale' });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'review_request.approval_dismissed',
      subjectType: 'review_request',
      subjectId: request.id,
      postmortemId: postmortem.id,
      data: { approvedById: request.decidedById },
    });
    if (request.decidedById) {
      approvers.push(request.decidedById);
    }
  }
  const ticked = (await participantsRepository.listForPostmortem(tx.db, postmortem.id)).filter(
    (p) => p.role === 'reviewer' && p.approvedAt,
  );
  for (const participant of ticked) {
    await participantsRepository.update(tx.db, participant.id, participant.version, {
      approvedAt: null,
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'participant.approval_dismissed',
      subjectType: 'participant',
      subjectId: participant.id,
      postmortemId: postmortem.id,
      data: {},
    });
    if (participant.userId) {
      approvers.push(participant.userId);
    }
  }
  for (const approverId of new Set(approvers)) {
    if (approverId !== actor.id) {
      await notifyPerson(tx, approverId, {
        rule: 'review.approval_dismissed',
        subjectType: 'postmortem',
        subjectId: postmortem.id,
        postmortemId: postmortem.id,
        title: `Approval dismissed: postmortem #${formatRecordNumber(postmortem.number)}`,
        body: 'The report changed after you approved it: read it again and approve once more.',
        path: `/postmortems/${postmortem.id}#report-review-heading`,
      });
    }
  }
  return approved.length + ticked.length;
}
