import { computePhaseDeadlines } from '../../domain/due-dates.ts';
import type { Severity } from '../../domain/incident.ts';
import type { DurationDistribution } from '../../domain/incident-measures.ts';
import { type DuePhase, duePhases, type Policy } from '../../domain/policy.ts';
import type { PostmortemPhase } from '../../domain/postmortem-phases.ts';
import { summarizeDurations } from './summarize-durations.ts';

/** What the cycle times need of one postmortem. */
export interface PhaseClockRow {
  phase: PostmortemPhase;
  /** The worst severity among its incidents: the policy's due dates are per severity. */
  severity: Severity;
  /** When the last of its incidents was resolved (the clock's start); null while one is not. */
  resolvedAt: Date | null;
  /** When it first entered each phase (from its phase changes). */
  reachedAt: Partial<Record<PostmortemPhase, Date>>;
}

/** How postmortems fared against one phase's due date. */
export interface PhaseCycleTime {
  phase: DuePhase;
  /** Postmortems whose clock runs and whose policy sets a due date for this phase. */
  due: number;
  /** Reached on or before the due day, after it, and not reached with the day passed / to come. */
  onTime: number;
  late: number;
  overdue: number;
  pending: number;
  /** From resolution to first reaching the phase, over those that reached it. */
  timeToReach: DurationDistribution;
}

const exactOnly = (n: number, missing: number) => ({ missing, estimated: 0, edited: 0, exact: n });

/**
 * Postmortem cycle time per phase against the policy's due dates (business days after the
 * incident was resolved, per severity): how many reached each phase on time or late, how many
 * are overdue or still within their time, and the distribution of the time it took. A review
 * whose clock has not started (an incident unresolved) or whose severity has no due date for a
 * phase is not counted for it. Pure: `today` is a `YYYY-MM-DD` the caller passes.
 */
export function computePhaseCycleTimes(
  reviews: readonly PhaseClockRow[],
  policy: Pick<Policy, 'dueBusinessDays' | 'holidays'>,
  today: string,
): PhaseCycleTime[] {
  return duePhases.map((phase) => {
    const counts = { due: 0, onTime: 0, late: 0, overdue: 0, pending: 0 };
    const seconds: number[] = [];
    let reachedUnmeasured = 0;
    for (const review of reviews) {
      const deadline = computePhaseDeadlines(
        policy,
        review.severity,
        review.resolvedAt,
        review.phase,
        today,
      ).find((d) => d.phase === phase);
      if (!deadline || !review.resolvedAt) {
        continue;
      }
      counts.due += 1;
      if (!deadline.reached) {
        counts[deadline.overdue ? 'overdue' : 'pending'] += 1;
        continue;
      }
      const reachedAt = review.reachedAt[phase];
      if (!reachedAt) {
        // Reached without a recorded change (imported as it was): on time or not is unknown.
        reachedUnmeasured += 1;
        continue;
      }
      counts[reachedAt.toISOString().slice(0, 10) <= deadline.dueOn ? 'onTime' : 'late'] += 1;
      seconds.push(
        Math.max(0, Math.floor((reachedAt.getTime() - review.resolvedAt.getTime()) / 1000)),
      );
    }
    return {
      phase,
      ...counts,
      timeToReach: summarizeDurations(seconds, exactOnly(seconds.length, reachedUnmeasured)),
    };
  });
}
