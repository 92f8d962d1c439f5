import { toIsoDate } from '../../domain/business-days.ts';
import { deliverableAt, type Reminder, remindersDue } from '../../domain/reminders.ts';
import type { Actor } from '../../domain/user.ts';
import type { Database } from '../../storage/database.ts';
import type { JobQueue } from '../../storage/job-queue.ts';
import { notificationsRepository as repo } from '../../storage/repositories/notifications-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';
import { type NotificationChannels, sharedChannelKinds } from './notification-channels.ts';

/** Someone with no memberships: what a shared channel may carry is what they may see. */
const anyone: Actor = { id: '00000000-0000-0000-0000-000000000000', role: 'viewer' };

const dayMs = 86_400_000;

/** What one scan did. */
export interface ScanOutcome {
  reminders: number;
  /** Ledger rows this scan created (the rest were already there: another scan, today). */
  created: number;
  /** Deliveries enqueued (e-mail and shared channels). */
  enqueued: number;
}

/**
 * Finds today's reminders and escalations and records each once per rule, item, recipient,
 * channel and day, enqueuing its delivery in the same transaction. Run by several instances at
 * once it still notifies once: the ledger's unique index lets one insert win. A person is only
 * ever told about a postmortem they may see; shared channels only hear of postmortems anyone
 * may see.
 */
export async function scanReminders(
  deps: AppDeps,
  queue: JobQueue,
  channels: NotificationChannels,
): Promise<ScanOutcome> {
  return inTransaction(deps, async (tx) => {
    const now = tx.clock();
    const today = toIsoDate(now);
    const ahead = Math.max(0, ...deps.policy.reminders.beforeDueDays);
    const until = toIsoDate(new Date(Date.parse(`${today}T00:00:00Z`) + ahead * dayMs));
    const candidates = await repo.reminderCandidates(tx.db, until);
    const leads = deps.policy.reminders.teamLeads;
    const idsByEmail = await repo.userIdsByEmail(tx.db, Object.values(leads));
    const teamLeadIds = new Map(
      Object.entries(leads).flatMap(([team, email]) => {
        const id = idsByEmail.get(email);
        return id ? [[team, id] as const] : [];
      }),
    );
    const reminders = remindersDue(candidates, deps.policy.reminders, today, teamLeadIds);
    const outcome: ScanOutcome = { reminders: reminders.length, created: 0, enqueued: 0 };
    const link = (r: Reminder) =>
      channels.publicUrl ? `${channels.publicUrl}/postmortems/${r.postmortemId}?tab=actions` : null;
    const record = async (
      r: Reminder,
      target: { key: string; userId: string | null; channel: string },
      startAfter: Date | null,
    ) => {
      const row = await repo.insertOnce(tx.db, {
        id: tx.newId(),
        rule: r.rule,
        subjectType: 'action_item',
        subjectId: r.itemId,
        postmortemId: r.postmortemId,
        recipientKey: target.key,
        recipientUserId: target.userId,
        channel: target.channel,
        day: today,
        title: r.title,
        body: r.body,
        link: link(r),
        status: startAfter ? 'pending' : 'sent',
        sentAt: startAfter ? null : now,
      });
      if (!row) {
        return;
      }
      outcome.created += 1;
      if (startAfter) {
        await queue.send(tx.db as Database, 'deliver-notification', { id: row.id }, { startAfter });
        outcome.enqueued += 1;
      }
    };
    for (const reminder of reminders) {
      const person = await repo.findRecipient(tx.db, reminder.recipientUserId);
      if (
        !person ||
        person.disabled ||
        !(await repo.canSee(tx.db, person, reminder.postmortemId))
      ) {
        continue;
      }
      const key = `user:${person.id}`;
      await record(reminder, { key, userId: person.id, channel: 'in_app' }, null);
      const prefs = await repo.findPreferences(tx.db, person.id);
      if (channels.email && (prefs?.emailEnabled ?? true)) {
        const quiet =
          prefs?.quietStart && prefs.quietEnd
            ? { start: prefs.quietStart, end: prefs.quietEnd, timeZone: prefs.timeZone }
            : null;
        await record(
          reminder,
          { key, userId: person.id, channel: 'email' },
          deliverableAt(now, quiet),
        );
      }
    }
    // Shared channels hear once per item and rule, not once per person.
    const shared = new Map(reminders.map((r) => [`${r.rule}:${r.itemId}`, r]));
    for (const reminder of shared.values()) {
      if (!(await repo.canSee(tx.db, anyone, reminder.postmortemId))) {
        continue;
      }
      for (const kind of sharedChannelKinds) {
        if (channels.shared[kind]) {
          await record(reminder, { key: `channel:${kind}`, userId: null, channel: kind }, now);
        }
      }
    }
    return outcome;
  });
}
