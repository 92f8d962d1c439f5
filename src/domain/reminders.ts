import type { ActionItemStatus } from './action-item.ts';
import { unfinishedStatuses } from './action-item-board.ts';

/** The reminder rules; each fires at most once per subject, recipient, channel and day. */
export const reminderRules = [
  /** Days before the due date (policy `reminders.beforeDueDays`), to the owner. */
  'action_item.due_soon',
  /** Every day past the due date, to the owner. */
  'action_item.overdue',
  /** After `escalateToPostmortemOwnerAfterDays` overdue, to whoever opened the postmortem. */
  'action_item.escalated_to_postmortem_owner',
  /** After `escalateToTeamLeadAfterDays` overdue, to the team's lead (policy `teamLeads`). */
  'action_item.escalated_to_team_lead',
  /** Days before a phase deadline (policy `phaseBeforeDueDays`), to whoever opened the review. */
  'postmortem.phase_due_soon',
  /** Every day past a phase deadline the review has not reached, to whoever opened it. */
  'postmortem.phase_overdue',
  /** Once a week (policy `weeklyDigestDay`), per team: to its lead and the shared channels. */
  'team.weekly_digest',
] as const;
export type ReminderRule = (typeof reminderRules)[number];

/** The policy's reminder settings. */
export interface ReminderPolicy {
  beforeDueDays: number[];
  escalateToPostmortemOwnerAfterDays: number;
  escalateToTeamLeadAfterDays: number;
  /** Team name → the e-mail of an account that leads it. */
  teamLeads: Record<string, string>;
  /** Days before a phase deadline (draft due, review due, …) to remind; default `[1]`. */
  phaseBeforeDueDays?: number[];
  /** The day of the week each team's digest goes out; `null` for none; default Monday. */
  weeklyDigestDay?: Weekday | null;
}

/** Days of the week, as the policy names them. */
export const weekdays = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;
export type Weekday = (typeof weekdays)[number];

/** What a rule needs to know of an item. */
export interface ReminderCandidate {
  id: string;
  title: string;
  status: ActionItemStatus;
  dueDate: string | null;
  ownerUserId: string | null;
  team: string | null;
  postmortemId: string;
  postmortemOwnerId: string | null;
}

/** One reminder to send: a rule, what it is about, the person it goes to, and why. */
export interface Reminder {
  rule: ReminderRule;
  subjectType: 'action_item' | 'postmortem';
  subjectId: string;
  postmortemId: string;
  recipientUserId: string;
  title: string;
  body: string;
}

const dayMs = 86_400_000;
/** Whole days from one `YYYY-MM-DD` to another (negative when `to` comes first). */
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);

/**
 * The reminders due today for these items. Pure: the caller passes today's date (from its
 * clock) and resolves team leads to account ids. Items without an owner account are reminded
 * through escalation only.
 */
export function remindersDue(
  items: readonly ReminderCandidate[],
  policy: ReminderPolicy,
  today: string,
  teamLeadIds: ReadonlyMap<string, string>,
): Reminder[] {
  const reminders: Reminder[] = [];
  for (const item of items) {
    if (!item.dueDate || !unfinishedStatuses.includes(item.status)) {
      continue;
    }
    const late = daysBetween(item.dueDate, today);
    const push = (rule: ReminderRule, recipient: string | null | undefined, body: string) => {
      if (recipient) {
        reminders.push({
          rule,
          subjectType: 'action_item',
          subjectId: item.id,
          postmortemId: item.postmortemId,
          recipientUserId: recipient,
          title: item.title,
          body,
        });
      }
    };
    if (late < 0 && policy.beforeDueDays.includes(-late)) {
      push(
        'action_item.due_soon',
        item.ownerUserId,
        `Due in ${-late} day${late === -1 ? '' : 's'}, on ${item.dueDate}.`,
      );
    }
    if (late > 0) {
      const overdue = `Overdue by ${late} day${late === 1 ? '' : 's'} (due ${item.dueDate}).`;
      push('action_item.overdue', item.ownerUserId, overdue);
      if (late >= policy.escalateToPostmortemOwnerAfterDays) {
        push('action_item.escalated_to_postmortem_owner', item.postmortemOwnerId, overdue);
      }
      if (late >= policy.escalateToTeamLeadAfterDays && item.team) {
        push('action_item.escalated_to_team_lead', teamLeadIds.get(item.team), overdue);
      }
    }
  }
  return reminders;
}

/** `HH:MM` of an instant in a zone. */
function localTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

/**
 * When a notification may be delivered: `now`, or the end of the recipient's quiet hours
 * (`HH:MM`–`HH:MM` local, possibly across midnight) when `now` falls inside them.
 */
export function deliverableAt(
  now: Date,
  quiet: { start: string; end: string; timeZone: string } | null,
): Date {
  if (!quiet) {
    return now;
  }
  const local = localTime(now, quiet.timeZone);
  const inside =
    quiet.start <= quiet.end
      ? local >= quiet.start && local < quiet.end
      : local >= quiet.start || local < quiet.end;
  if (!inside) {
    return now;
  }
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const wait = (minutes(quiet.end) - minutes(local) + 24 * 60) % (24 * 60);
  return new Date(now.getTime() + wait * 60_000 - now.getUTCSeconds() * 1000);
}
