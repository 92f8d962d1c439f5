import { toIsoDate } from '../../domain/business-days.ts';
import { phaseRemindersDue } from '../../domain/phase-reminders.ts';
import { type Reminder, remindersDue } from '../../domain/reminders.ts';
import type { JobQueue } from '../../storage/job-queue.ts';
import { notificationRecipientsRepository as recipients } from '../../storage/repositories/notification-recipients-repository.ts';
import { reminderCandidatesRepository as candidatesRepo } from '../../storage/repositories/reminder-candidates-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';
import { notifyRecurringMinorIssues } from '../themes/notify-recurring-minor-issues.ts';
import type { NotificationChannels } from './notification-channels.ts';
import { type Notice, type NotifyOutcome, notifyPerson, notifySharedChannels } from './notify.ts';
import { scanTeamDigests } from './team-digests.ts';

const dayMs = 86_400_000;

/** What one scan did. */
export interface ScanOutcome {
  reminders: number;
  /** Ledger rows this scan created (the rest were already there: another scan, today). */
  created: number;
  /** Deliveries enqueued (e-mail and shared channels). */
  enqueued: number;
}

const pathOf = (r: Reminder) =>
  r.subjectType === 'action_item'
    ? `/postmortems/${r.postmortemId}?tab=actions`
    : `/postmortems/${r.postmortemId}`;

/**
 * Finds today's reminders — action items due soon, overdue and escalated, phase deadlines
 * (draft and review due, …), on the digest day each team's weekly digest, and to service owners
 * the minor incidents that keep coming back on their services — and records
 * each once per rule, subject, recipient, channel and day, enqueuing its delivery in the same
 * transaction. Run by several instances at once it still notifies once: the ledger's unique
 * index lets one insert win. A person is only ever told about a postmortem they may see;
 * shared channels only hear of postmortems anyone may see.
 */
export async function scanReminders(
  deps: AppDeps,
  queue: JobQueue,
  channels: NotificationChannels,
): Promise<ScanOutcome> {
  return inTransaction(deps, async (inner) => {
    const tx = { ...inner, outbox: { queue, channels } };
    const now = tx.clock();
    const today = toIsoDate(now);
    const policy = deps.policy.reminders;
    const ahead = Math.max(0, ...policy.beforeDueDays);
    const until = toIsoDate(new Date(Date.parse(`${today}T00:00:00Z`) + ahead * dayMs));
    const candidates = await candidatesRepo.reminderCandidates(tx.db, until);
    const idsByEmail = await recipients.userIdsByEmail(tx.db, Object.values(policy.teamLeads));
    const teamLeadIds = new Map(
      Object.entries(policy.teamLeads).flatMap(([team, email]) => {
        const id = idsByEmail.get(email);
        return id ? [[team, id] as const] : [];
      }),
    );
    const reminders = [
      ...remindersDue(candidates, policy, today, teamLeadIds),
      ...phaseRemindersDue(await candidatesRepo.phaseReminderCandidates(tx.db), deps.policy, today),
    ];
    const outcome: ScanOutcome = { reminders: reminders.length, created: 0, enqueued: 0 };
    const add = (o: NotifyOutcome) => {
      outcome.created += o.created;
      outcome.enqueued += o.enqueued;
    };
    const notice = (r: Reminder): Notice => ({
      rule: r.rule,
      subjectType: r.subjectType,
      subjectId: r.subjectId,
      postmortemId: r.postmortemId,
      title: r.title,
      body: r.body,
      path: pathOf(r),
    });
    for (const reminder of reminders) {
      add(await notifyPerson(tx, reminder.recipientUserId, notice(reminder)));
    }
    // Shared channels hear once per subject and rule, not once per person.
    const shared = new Map(reminders.map((r) => [`${r.rule}:${r.subjectId}`, r]));
    for (const reminder of shared.values()) {
      add(await notifySharedChannels(tx, notice(reminder)));
    }
    const digests = await scanTeamDigests(tx, teamLeadIds, today);
    outcome.reminders += digests.digests;
    add(digests);
    add(await notifyRecurringMinorIssues(tx));
    return outcome;
  });
}
