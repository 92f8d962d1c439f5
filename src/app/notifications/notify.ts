import { deliverableAt } from '../../domain/reminders.ts';
import type { Actor } from '../../domain/user.ts';
import type { Database } from '../../storage/database.ts';
import type { JobQueue } from '../../storage/job-queue.ts';
import { notificationPreferencesRepository as preferences } from '../../storage/repositories/notification-preferences-repository.ts';
import { notificationRecipientsRepository as recipients } from '../../storage/repositories/notification-recipients-repository.ts';
import { notificationsRepository as repo } from '../../storage/repositories/notifications-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { sharedChannelKinds } from './notification-channels.ts';
import type { NotificationOutbox } from './notification-outbox.ts';

/** Someone with no memberships: what a shared channel may carry is what they may see. */
export const anyone: Actor = { id: '00000000-0000-0000-0000-000000000000', role: 'viewer' };

/** Something to tell people about, within one postmortem. */
export interface Notice {
  /** A stable rule name, e.g. `action_item.overdue` or `comment.mentioned`. */
  rule: string;
  /** What it is about (`action_item`, `postmortem`, `comment`, …) and its id. */
  subjectType: string;
  subjectId: string;
  /** The postmortem it belongs to: who may see that decides who may hear of it. */
  postmortemId: string;
  title: string;
  body: string;
  /** The web app's path to link to, e.g. `/postmortems/<id>?tab=actions`. */
  path: string;
}

/** What a notify call recorded (rows already there today were not recorded again). */
export interface NotifyOutcome {
  created: number;
  enqueued: number;
}

/** The use-case deps inside a transaction, with the outbox when the server runs one. */
type TxDeps = AppDeps & { db: Database };

const link = (outbox: NotificationOutbox | undefined, path: string) =>
  outbox?.channels.publicUrl ? `${outbox.channels.publicUrl}${path}` : null;

/**
 * Records one ledger row and, when it goes out by a channel, enqueues its delivery in the same
 * transaction. `undefined` when the rule already recorded it today (the ledger's unique index).
 */
export async function recordOnce(
  tx: TxDeps,
  row: {
    rule: string;
    subjectType: string;
    subjectId: string;
    postmortemId: string | null;
    recipientKey: string;
    recipientUserId: string | null;
    channel: string;
    title: string;
    body: string;
    link: string | null;
  },
  delivery: { queue: JobQueue; startAfter: Date } | null,
  outcome: NotifyOutcome,
): Promise<void> {
  const now = tx.clock();
  const inserted = await repo.insertOnce(tx.db, {
    id: tx.newId(),
    ...row,
    day: now.toISOString().slice(0, 10),
    status: delivery ? 'pending' : 'sent',
    sentAt: delivery ? null : now,
  });
  if (!inserted) {
    return;
  }
  outcome.created += 1;
  if (delivery) {
    await delivery.queue.send(
      tx.db,
      'deliver-notification',
      { id: inserted.id },
      { startAfter: delivery.startAfter },
    );
    outcome.enqueued += 1;
  }
}

/**
 * Tells one person about something in a postmortem: in the app always, and by e-mail when a
 * mail server is configured and their preferences allow it, after their quiet hours. Nothing is
 * recorded for a person who may not see the postmortem, or whose account is disabled. Once per
 * rule, subject, person, channel and day, however often it is called.
 *
 * This is the entry point for any feature that notifies a person (reminders, @mentions). Call
 * it inside the transaction of the write that causes it (`inTransaction`), so the notice
 * exists exactly when the write commits; `tx.outbox` (set by the server) delivers it.
 */
export async function notifyPerson(
  tx: TxDeps,
  recipientUserId: string,
  notice: Notice,
): Promise<NotifyOutcome> {
  const outcome: NotifyOutcome = { created: 0, enqueued: 0 };
  const person = await recipients.findRecipient(tx.db, recipientUserId);
  if (
    !person ||
    person.disabled ||
    !(await recipients.canSee(tx.db, person, notice.postmortemId))
  ) {
    return outcome;
  }
  const row = {
    rule: notice.rule,
    subjectType: notice.subjectType,
    subjectId: notice.subjectId,
    postmortemId: notice.postmortemId,
    recipientKey: `user:${person.id}`,
    recipientUserId: person.id,
    title: notice.title,
    body: notice.body,
    link: link(tx.outbox, notice.path),
  };
  await recordOnce(tx, { ...row, channel: 'in_app' }, null, outcome);
  const outbox = tx.outbox;
  if (outbox?.channels.email) {
    const startAfter = await emailDeliverableAt(tx, person.id);
    if (startAfter) {
      await recordOnce(
        tx,
        { ...row, channel: 'email' },
        { queue: outbox.queue, startAfter },
        outcome,
      );
    }
  }
  return outcome;
}

/**
 * When an e-mail to this person may go: now, after their quiet hours, or `null` when they
 * turned e-mail off.
 */
export async function emailDeliverableAt(tx: TxDeps, userId: string): Promise<Date | null> {
  const prefs = await preferences.findPreferences(tx.db, userId);
  if (!(prefs?.emailEnabled ?? true)) {
    return null;
  }
  const quiet =
    prefs?.quietStart && prefs.quietEnd
      ? { start: prefs.quietStart, end: prefs.quietEnd, timeZone: prefs.timeZone }
      : null;
  return deliverableAt(tx.clock(), quiet);
}

/**
 * Tells the shared channels (Slack, Teams, the generic webhook) about something in a
 * postmortem — only when anyone may see it: a restricted review never reaches them.
 */
export async function notifySharedChannels(tx: TxDeps, notice: Notice): Promise<NotifyOutcome> {
  const outcome: NotifyOutcome = { created: 0, enqueued: 0 };
  const outbox = tx.outbox;
  if (!outbox || !(await recipients.canSee(tx.db, anyone, notice.postmortemId))) {
    return outcome;
  }
  for (const kind of sharedChannelKinds) {
    if (outbox.channels.shared[kind]) {
      await recordOnce(
        tx,
        {
          rule: notice.rule,
          subjectType: notice.subjectType,
          subjectId: notice.subjectId,
          postmortemId: notice.postmortemId,
          recipientKey: `channel:${kind}`,
          recipientUserId: null,
          channel: kind,
          title: notice.title,
          body: notice.body,
          link: link(outbox, notice.path),
        },
        { queue: outbox.queue, startAfter: tx.clock() },
        outcome,
      );
    }
  }
  return outcome;
}
