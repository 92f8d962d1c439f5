import { toIsoDate } from '../../domain/business-days.ts';
import type { Database } from '../../storage/database.ts';
import { notificationsRepository as repo } from '../../storage/repositories/notifications-repository.ts';
import type { AppDeps } from '../app-deps.ts';

/** Something a use case tells people about one record of a postmortem. */
export interface Notice {
  /** What happened, as a rule key (`comment.mentioned`, `review.requested`). */
  rule: string;
  subjectType: string;
  subjectId: string;
  postmortemId: string;
  /** Short and free of the record's own text: it names where to look, not what was written. */
  title: string;
  body: string;
}

/**
 * Records an in-app notification for each person, once per rule, subject and day, in the
 * caller's transaction. Someone whose account is disabled, or who may not see the postmortem
 * right now, is skipped: a notification never reaches anyone the record is restricted from.
 * Returns the accounts notified.
 */
export async function notifyPeople(
  tx: AppDeps & { db: Database },
  userIds: readonly string[],
  notice: Notice,
): Promise<string[]> {
  const notified: string[] = [];
  const now = tx.clock();
  for (const userId of new Set(userIds)) {
    const person = await repo.findRecipient(tx.db, userId);
    if (!person || person.disabled || !(await repo.canSee(tx.db, person, notice.postmortemId))) {
      continue;
    }
    const row = await repo.insertOnce(tx.db, {
      id: tx.newId(),
      rule: notice.rule,
      subjectType: notice.subjectType,
      subjectId: notice.subjectId,
      postmortemId: notice.postmortemId,
      recipientKey: `user:${person.id}`,
      recipientUserId: person.id,
      channel: 'in_app',
      day: toIsoDate(now),
      title: notice.title,
      body: notice.body,
      link: null,
      status: 'sent',
      sentAt: now,
    });
    if (row) {
      notified.push(person.id);
    }
  }
  return notified;
}
