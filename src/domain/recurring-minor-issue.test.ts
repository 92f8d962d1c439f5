import { describe, expect, it } from 'vitest';
import { defaultPolicy } from './policy.ts';
import { findRecurringMinorIssue, type RecurringCandidate } from './recurring-minor-issue.ts';

const on = (id: string, day: number, severity: RecurringCandidate['severity'] = 'sev3') => ({
  id,
  severity,
  occurredAt: new Date(Date.UTC(2026, 2, day, 9)),
  resolvedAt: new Date(Date.UTC(2026, 2, day, 10)),
});

describe('findRecurringMinorIssue', () => {
  it('requires a thematic postmortem for four related minor incidents within 30 days', () => {
    const issue = findRecurringMinorIssue(defaultPolicy, [
      on('a', 2),
      on('b', 9, 'sev4'),
      on('c', 20),
      on('d', 27),
      on('big', 28, 'sev1'),
    ]);
    expect(issue?.incidentIds).toEqual(['a', 'b', 'c', 'd']);
    // Friday 27 March 2026 + 5 business days.
    expect(issue?.dueOn.analysis).toBe('2026-04-03');
    expect(issue?.dueOn.closed).toBeDefined();
  });

  it('does not count severe incidents, nor minor ones further apart than the window', () => {
    expect(findRecurringMinorIssue(defaultPolicy, [on('a', 1), on('b', 2), on('c', 3)])).toBeNull();
    expect(
      findRecurringMinorIssue(defaultPolicy, [
        on('a', 1),
        on('b', 2),
        on('c', 3),
        { ...on('d', 1), occurredAt: new Date(Date.UTC(2026, 4, 1)) },
        on('e', 4, 'sev2'),
      ]),
    ).toBeNull();
  });
});
