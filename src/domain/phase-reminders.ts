import { computePhaseDeadlines } from './due-dates.ts';
import type { Severity } from './incident.ts';
import type { DuePhase, Policy } from './policy.ts';
import type { PostmortemPhase } from './postmortem-phases.ts';
import { daysBetween, type Reminder } from './reminders.ts';

/** What the phase-deadline rules need to know of an open postmortem. */
export interface PhaseReminderCandidate {
  postmortemId: string;
  title: string;
  phase: PostmortemPhase;
  /** The worst severity among its incidents. */
  severity: Severity;
  /** When the last of its incidents was resolved; null while the clock has not started. */
  resolvedAt: Date | null;
  /** Who opened the review: the person its deadlines are asked of. */
  ownerUserId: string | null;
}

/** What reaching each phase by its deadline asks for, in words. */
export const phaseDeadlineWords: Record<DuePhase, string> = {
  analysis: 'Timeline gathered',
  documentation: 'Analysis done',
  follow_up: 'Report drafted and reviewed',
  closed: 'Action items verified and the review closed',
};

/** Default days before a phase deadline to remind, when the policy names none. */
export const defaultPhaseBeforeDueDays = [1];

/**
 * Today's phase-deadline reminders: for each review, its next deadline not yet reached (the
 * draft and its review are due when the review should reach follow-up). Before it, on the
 * policy's `phaseBeforeDueDays` (0 is the day itself); after it, every day until the review
 * catches up. Pure: the caller passes today's date from its clock.
 */
export function phaseRemindersDue(
  candidates: readonly PhaseReminderCandidate[],
  policy: Pick<Policy, 'dueBusinessDays' | 'holidays' | 'reminders'>,
  today: string,
): Reminder[] {
  const before = policy.reminders.phaseBeforeDueDays ?? defaultPhaseBeforeDueDays;
  const reminders: Reminder[] = [];
  for (const candidate of candidates) {
    if (!candidate.ownerUserId || candidate.phase === 'closed') {
      continue;
    }
    const next = computePhaseDeadlines(
      policy,
      candidate.severity,
      candidate.resolvedAt,
      candidate.phase,
      today,
    ).find((deadline) => !deadline.reached);
    if (!next) {
      continue;
    }
    const late = daysBetween(next.dueOn, today);
    const what = phaseDeadlineWords[next.phase];
    const base = {
      subjectType: 'postmortem' as const,
      subjectId: candidate.postmortemId,
      postmortemId: candidate.postmortemId,
      recipientUserId: candidate.ownerUserId,
      title: candidate.title,
    };
    if (late <= 0 && before.includes(-late)) {
      const when =
        late === 0 ? 'today' : `in ${-late} day${late === -1 ? '' : 's'}, on ${next.dueOn}`;
      reminders.push({ ...base, rule: 'postmortem.phase_due_soon', body: `${what}: due ${when}.` });
    } else if (late > 0) {
      reminders.push({
        ...base,
        rule: 'postmortem.phase_overdue',
        body: `${what}: overdue by ${late} day${late === 1 ? '' : 's'} (due ${next.dueOn}).`,
      });
    }
  }
  return reminders;
}
