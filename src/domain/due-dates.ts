import { addBusinessDays } from './business-days.ts';
import type { Severity } from './incident.ts';
import { type DuePhase, duePhases, type Policy } from './policy.ts';
import { type PostmortemPhase, postmortemPhases } from './postmortem-phases.ts';

/** When a phase should be reached, and whether that is already late. */
export interface PhaseDeadline {
  phase: DuePhase;
  dueOn: string;
  reached: boolean;
  overdue: boolean;
}

/**
 * Deadlines per phase, counted in business days from the moment the system was stable
 * (`resolvedAt`). Empty until the incident is resolved: the clock has not started.
 */
export function computePhaseDeadlines(
  policy: Pick<Policy, 'dueBusinessDays' | 'holidays'>,
  severity: Severity,
  resolvedAt: Date | null,
  currentPhase: PostmortemPhase,
  today: string,
): PhaseDeadline[] {
  if (!resolvedAt) {
    return [];
  }
  const budget = policy.dueBusinessDays[severity];
  const currentIndex = postmortemPhases.indexOf(currentPhase);
  return duePhases.flatMap((phase) => {
    const days = budget[phase];
    if (days === undefined) {
      return [];
    }
    const dueOn = addBusinessDays(resolvedAt, days, policy.holidays);
    const reached = postmortemPhases.indexOf(phase) <= currentIndex;
    return [{ phase, dueOn, reached, overdue: !reached && today > dueOn }];
  });
}
