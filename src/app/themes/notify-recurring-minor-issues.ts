import type { Actor } from '../../domain/user.ts';
import type { Database } from '../../storage/database.ts';
import { notificationsRepository } from '../../storage/repositories/notifications-repository.ts';
import { servicesRepository } from '../../storage/repositories/services-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import type { NotificationOutbox } from '../notifications/notification-outbox.ts';
import { emailDeliverableAt, type NotifyOutcome, recordOnce } from '../notifications/notify.ts';
import { listThemes } from './list-themes.ts';

/** The rule of the notice to a service owner that the recurring-minor-issue trigger holds. */
export const recurringMinorIssueRule = 'theme.recurring_minor_issue';

/** One notice to an owner: about the latest incident of the trigger, so a newer one tells again. */
export interface RecurringIssueNotice {
  subjectId: string;
  title: string;
  body: string;
}

type TxDeps = AppDeps & { db: Database; outbox?: NotificationOutbox };

/**
 * What the recurring-minor-issue trigger asks of one owner, computed from the incidents *they*
 * may see (the themes as they would read them), so a notice never counts or names a restricted
 * incident they are not a member of. Only themes on a service they own, and not yet covered by
 * reviews of all their incidents.
 */
export async function recurringIssueNoticesFor(
  deps: AppDeps,
  owner: Actor,
  ownedServices: readonly string[],
): Promise<RecurringIssueNotice[]> {
  const views = await listThemes(deps, owner);
  return views.flatMap(({ theme, incidents, recurringMinorIssue: issue }) => {
    const owned = theme.services.filter((service) => ownedServices.includes(service));
    if (!issue || owned.length === 0) {
      return [];
    }
    const covered = incidents.filter((incident) => issue.incidentIds.includes(incident.id));
    if (covered.every((incident) => incident.postmortemIds.length > 0)) {
      return [];
    }
    const numbers = covered.map((incident) => `#${incident.number}`).join(', ');
    const due = Object.entries(issue.dueOn)
      .map(([phase, day]) => `${phase.replace('_', '-')} by ${day}`)
      .join(', ');
    return [
      {
        subjectId: issue.incidentIds.at(-1) as string,
        title: `Recurring minor issue on ${owned.join(', ')}`,
        body: `${covered.length} related minor incidents (${numbers}) within ${deps.policy.recurringMinorIssues.windowDays} days: the policy asks for one thematic postmortem over them (${due}). Insights → Themes opens it.`,
      },
    ];
  });
}

/**
 * Tells each service owner, once per trigger, that minor incidents on their services keep
 * coming back: in the app, and by e-mail when configured and their settings allow it. A newer
 * incident joining the trigger tells them again. Run by the reminder scan, in its transaction.
 */
export async function notifyRecurringMinorIssues(tx: TxDeps): Promise<NotifyOutcome> {
  const outcome: NotifyOutcome = { created: 0, enqueued: 0 };
  for (const owner of await servicesRepository.listOwners(tx.db)) {
    const actor: Actor = { id: owner.id, role: owner.role };
    for (const notice of await recurringIssueNoticesFor(tx, actor, owner.services)) {
      const recipientKey = `user:${owner.id}`;
      if (
        await notificationsRepository.hasNotified(tx.db, {
          rule: recurringMinorIssueRule,
          subjectId: notice.subjectId,
          recipientKey,
        })
      ) {
        continue;
      }
      const row = {
        rule: recurringMinorIssueRule,
        subjectType: 'incident',
        subjectId: notice.subjectId,
        postmortemId: null,
        recipientKey,
        recipientUserId: owner.id,
        title: notice.title,
        body: notice.body,
        link: tx.outbox?.channels.publicUrl ? `${tx.outbox.channels.publicUrl}/insights` : null,
      };
      await recordOnce(tx, { ...row, channel: 'in_app' }, null, outcome);
      const outbox = tx.outbox;
      const startAfter = outbox?.channels.email ? await emailDeliverableAt(tx, owner.id) : null;
      if (outbox && startAfter) {
        await recordOnce(
          tx,
          { ...row, channel: 'email' },
          { queue: outbox.queue, startAfter },
          outcome,
        );
      }
    }
  }
  return outcome;
}

/**
 * The notice as its reader may see it at sending time (access or the incidents may have
 * changed since the scan), or `null` when it no longer holds for them.
 */
export async function composeRecurringIssueNotice(
  deps: AppDeps & { db: Database },
  reader: Actor,
  subjectId: string,
): Promise<RecurringIssueNotice | null> {
  const owned =
    (await servicesRepository.listOwners(deps.db)).find((owner) => owner.id === reader.id)
      ?.services ?? [];
  const notices = await recurringIssueNoticesFor(deps, reader, owned);
  return notices.find((notice) => notice.subjectId === subjectId) ?? null;
}
