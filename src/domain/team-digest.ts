import type { ActionItemStatus } from './action-item.ts';
import { dueSoonDays, isOverdue, unfinishedStatuses } from './action-item-board.ts';
import { formatRecordNumber } from './record-number.ts';
import { daysBetween, type ReminderPolicy, weekdays } from './reminders.ts';

/** One action item as a team's digest lists it. */
export interface DigestItem {
  title: string;
  status: ActionItemStatus;
  dueDate: string | null;
  postmortemNumber: number;
}

/** A team's week in follow-through: what is late, what comes next, what waits for a check. */
export interface TeamDigest {
  team: string;
  overdue: DigestItem[];
  dueSoon: DigestItem[];
  doneUnverified: DigestItem[];
  /** The message's heading line and body text. */
  title: string;
  body: string;
}

/** Items listed per part of the digest; the rest are counted. */
export const digestListLimit = 5;

/** True when `today` (`YYYY-MM-DD`) is the policy's digest day; Monday unless it says otherwise. */
export function isDigestDay(policy: Pick<ReminderPolicy, 'weeklyDigestDay'>, today: string) {
  const day = policy.weeklyDigestDay === undefined ? 'monday' : policy.weeklyDigestDay;
  if (day === null) {
    return false;
  }
  return weekdays[new Date(`${today}T00:00:00Z`).getUTCDay()] === day;
}

/**
 * A team's digest from the items its reader may see, or `null` when nothing needs anyone
 * this week. Pure: the caller chooses the items (under the reader's visibility) and today.
 */
export function composeTeamDigest(
  team: string,
  items: readonly DigestItem[],
  today: string,
): TeamDigest | null {
  const byDue = (a: DigestItem, b: DigestItem) =>
    (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.title.localeCompare(b.title);
  const overdue = items.filter((item) => isOverdue(item, today)).sort(byDue);
  const dueSoon = items
    .filter(
      (item) =>
        unfinishedStatuses.includes(item.status) &&
        item.dueDate !== null &&
        daysBetween(today, item.dueDate) >= 0 &&
        daysBetween(today, item.dueDate) <= dueSoonDays,
    )
    .sort(byDue);
  const doneUnverified = items.filter((item) => item.status === 'done').sort(byDue);
  if (overdue.length + dueSoon.length + doneUnverified.length === 0) {
    return null;
  }
  const part = (heading: string, list: DigestItem[], line: (item: DigestItem) => string) => {
    if (list.length === 0) {
      return [];
    }
    const more = list.length - digestListLimit;
    return [
      `${heading} (${list.length}):`,
      ...list.slice(0, digestListLimit).map((item) => `- ${line(item)}`),
      ...(more > 0 ? [`- and ${more} more`] : []),
    ];
  };
  const where = (item: DigestItem) => `postmortem #${formatRecordNumber(item.postmortemNumber)}`;
  const late = (item: DigestItem) => {
    const days = daysBetween(item.dueDate ?? today, today);
    return `${days} day${days === 1 ? '' : 's'} late`;
  };
  const body = [
    ...part('Overdue', overdue, (item) => `${item.title} (${where(item)}, ${late(item)})`),
    ...part('Due in the next 7 days', dueSoon, (i) => `${i.title} (${where(i)}, due ${i.dueDate})`),
    ...part('Done, waiting for verification', doneUnverified, (i) => `${i.title} (${where(i)})`),
  ].join('\n');
  const counts = [
    overdue.length ? `${overdue.length} overdue` : '',
    dueSoon.length ? `${dueSoon.length} due soon` : '',
    doneUnverified.length ? `${doneUnverified.length} to verify` : '',
  ].filter(Boolean);
  return {
    team,
    overdue,
    dueSoon,
    doneUnverified,
    title: `${team}: ${counts.join(', ')}`,
    body,
  };
}
