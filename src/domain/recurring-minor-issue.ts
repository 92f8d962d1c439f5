import { addBusinessDays } from './business-days.ts';
import type { Severity } from './incident.ts';
import type { DuePhase, Policy } from './policy.ts';

/** A related incident as the recurring-minor-issue rule reads it. */
export interface RecurringCandidate {
  id: string;
  severity: Severity;
  occurredAt: Date;
  /** When it was resolved; the deadlines count from the latest. */
  resolvedAt: Date | null;
}

/** The trigger's verdict on one theme: which incidents it covers and by when each phase is due. */
export interface RecurringMinorIssue {
  incidentIds: string[];
  windowStart: Date;
  windowEnd: Date;
  dueOn: Partial<Record<DuePhase, string>>;
}

/**
 * The recurring-minor-issue trigger: within the related incidents of one theme, the largest set
 * of minor incidents (the policy's severities) that fits in `windowDays`; when it holds at least
 * `minIncidents`, it requires a thematic postmortem. `null` when the threshold is not reached.
 */
export function findRecurringMinorIssue(
  policy: Pick<Policy, 'recurringMinorIssues' | 'holidays'>,
  related: readonly RecurringCandidate[],
): RecurringMinorIssue | null {
  const rule = policy.recurringMinorIssues;
  const minor = related
    .filter((incident) => rule.severities.includes(incident.severity))
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const span = rule.windowDays * 86_400_000;
  let best: RecurringCandidate[] = [];
  for (let start = 0, end = 0; end < minor.length; end += 1) {
    const last = minor[end] as RecurringCandidate;
    while (
      last.occurredAt.getTime() - (minor[start] as RecurringCandidate).occurredAt.getTime() >
      span
    ) {
      start += 1;
    }
    if (end - start + 1 > best.length) {
      best = minor.slice(start, end + 1);
    }
  }
  if (best.length < rule.minIncidents) {
    return null;
  }
  const latest = best.reduce(
    (at, incident) => Math.max(at, (incident.resolvedAt ?? incident.occurredAt).getTime()),
    0,
  );
  const dueOn: Partial<Record<DuePhase, string>> = {};
  for (const [phase, days] of Object.entries(rule.dueBusinessDays) as Array<[DuePhase, number]>) {
    dueOn[phase] = addBusinessDays(new Date(latest), days, policy.holidays);
  }
  return {
    incidentIds: best.map((incident) => incident.id),
    windowStart: (best[0] as RecurringCandidate).occurredAt,
    windowEnd: (best.at(-1) as RecurringCandidate).occurredAt,
    dueOn,
  };
}
