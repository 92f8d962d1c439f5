import { notificationsRepository as repo } from '../../storage/repositories/notifications-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';
import type { NotificationChannels, SharedChannelKind } from './notification-channels.ts';

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
      return 'skipped' as const;
    }
    const message = {
      id: row.id,
      rule: row.rule,
      title: row.title,
      body: row.body,
      link: row.link,
    };
    try {
      if (row.channel === 'email') {
        const person = row.recipientUserId
          ? await repo.findRecipient(tx.db, row.recipientUserId)
          : undefined;
        // Checked again at sending time: access may have changed since the scan.
        if (
          !channels.email ||
          !person ||
          person.disabled ||
          !row.postmortemId ||
          !(await repo.canSee(tx.db, person, row.postmortemId))
        ) {
          await repo.settle(tx.db, id, {
            status: 'failed',
            at: tx.clock(),
            error: 'recipient no longer reachable',
          });
          return 'skipped' as const;
        }
        await channels.email(message, person);
      } else {
        const send = channels.shared[row.channel as SharedChannelKind];
        if (!send) {
          await repo.settle(tx.db, id, {
            status: 'failed',
            at: tx.clock(),
            error: 'channel not configured',
          });
          return 'skipped' as const;
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
