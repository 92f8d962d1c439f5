import { toIsoDate } from '../../domain/business-days.ts';
import type { Actor } from '../../domain/user.ts';
import { notificationRecipientsRepository as recipients } from '../../storage/repositories/notification-recipients-repository.ts';
import { notificationsRepository as repo } from '../../storage/repositories/notifications-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';
import {
  composeRecurringIssueNotice,
  recurringMinorIssueRule,
} from '../themes/notify-recurring-minor-issues.ts';
import type { NotificationChannels, SharedChannelKind } from './notification-channels.ts';
import { anyone } from './notify.ts';
import { composeDigestFor, findDigestTeam, teamDigestRule } from './team-digests.ts';

/** Attempts before a notification is given up as `failed`. */
export const maxDeliveryAttempts = 5;

/**
 * Delivers one notification of the ledger. The row stays locked while it is sent and is
 * marked `sent` in the same transaction, so two instances never both send it, and a job that
 * runs again after a restart finds it sent and does nothing. A failed send is recorded and
 * rethrown, so that the queue retries it later.
 */
export async function deliverNotification(
  deps: AppDeps,
  channels: NotificationChannels,
  id: string,
): Promise<'sent' | 'skipped'> {
  let failure: unknown = null;
  const result = await inTransaction(deps, async (tx) => {
    const row = await repo.claimPending(tx.db, id);
    if (!row) {
      // Still pending but locked: another instance is sending it right now (this job was
      // taken for abandoned too early). Fail this run, so that the queue looks again later
      // instead of dropping a notification whose send may yet fail.
      if ((await repo.findStatus(tx.db, id)) === 'pending') {
        failure = new Error(`notification ${id} is being delivered by another instance`);
      }
      return 'skipped' as const;
    }
    const message = {
      id: row.id,
      rule: row.rule,
      title: row.title,
      body: row.body,
      link: row.link,
    };
    const giveUp = async (error: string) => {
      await repo.settle(tx.db, id, { status: 'failed', at: tx.clock(), error });
      return 'skipped' as const;
    };
    // Checked again at sending time: access may have changed since the scan. A digest is
    // composed again for its reader; anything else is sent only if the reader may still see
    // it, by the same condition as the in-app list (its postmortem, an @mention's section).
    const stillVisible = async (reader: Actor) => {
      if (row.rule === teamDigestRule) {
        const team = await findDigestTeam(tx.db, row.subjectId);
        const digest = team
          ? await composeDigestFor(tx.db, reader, team, toIsoDate(tx.clock()))
          : null;
        if (digest) {
          message.title = digest.title;
          message.body = digest.body;
          await repo.rewrite(tx.db, id, { title: digest.title, body: digest.body });
        }
        return digest !== null;
      }
      if (row.rule === recurringMinorIssueRule) {
        const notice = await composeRecurringIssueNotice(tx, reader, row.subjectId);
        if (notice) {
          message.title = notice.title;
          message.body = notice.body;
          await repo.rewrite(tx.db, id, { title: notice.title, body: notice.body });
        }
        return notice !== null;
      }
      return repo.isVisibleTo(tx.db, reader, row.id);
    };
    try {
      if (row.channel === 'email') {
        const person = row.recipientUserId
          ? await recipients.findRecipient(tx.db, row.recipientUserId)
          : undefined;
        if (!channels.email || !person || person.disabled || !(await stillVisible(person))) {
          return await giveUp('recipient no longer reachable');
        }
        await channels.email(message, person);
      } else {
        const send = channels.shared[row.channel as SharedChannelKind];
        if (!send) {
          return await giveUp('channel not configured');
        }
        if (!(await stillVisible(anyone))) {
          return await giveUp('no longer visible to everyone');
        }
        await send(message);
      }
      await repo.settle(tx.db, id, { status: 'sent', at: tx.clock() });
      return 'sent' as const;
    } catch (error) {
      failure = error;
      const last = row.attempts + 1 >= maxDeliveryAttempts;
      await repo.settle(tx.db, id, {
        status: last ? 'failed' : 'pending',
        at: tx.clock(),
        error: error instanceof Error ? error.message : String(error),
      });
      return 'skipped' as const;
    }
  });
  if (failure) {
    throw failure;
  }
  return result;
}
