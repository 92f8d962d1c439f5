import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../../domain/policy.ts';
import { computePhaseCycleTimes, type PhaseClockRow } from './compute-phase-cycle-times.ts';

// Resolved Monday 2 November 2026; a sev2 review is due in analysis 3 business days later (the
// 5th), in documentation 7 (the 11th), in follow-up 15 (the 23rd) and closed 60.
const resolvedAt = new Date('2026-11-02T10:00:00Z');
const review = (overrides: Partial<PhaseClockRow>): PhaseClockRow => ({
  phase: 'data_gathering',
  severity: 'sev2',
  resolvedAt,
  reachedAt: {},
  ...overrides,
});

describe('computePhaseCycleTimes', () => {
  it('counts each review on time, late, overdue or pending per phase, with the time it took', () => {
    const [analysis, documentation] = computePhaseCycleTimes(
      [
        review({ phase: 'analysis', reachedAt: { analysis: new Date('2026-11-05T23:00:00Z') } }),
        review({
          phase: 'documentation',
          reachedAt: {
            analysis: new Date('2026-11-09T08:00:00Z'),
            documentation: new Date('2026-11-10T08:00:00Z'),
          },
        }),
        review({}),
        review({ resolvedAt: new Date('2026-11-12T10:00:00Z') }),
        review({ resolvedAt: null }),
      ],
      defaultPolicy,
      '2026-11-12',
    );
    expect(analysis).toMatchObject({ due: 4, onTime: 1, late: 1, overdue: 1, pending: 1 });
    expect(analysis?.timeToReach.count).toBe(2);
    expect(analysis?.timeToReach.median).toBe(3 * 86_400 + 13 * 3600);
    expect(analysis?.timeToReach.max).toBe(6 * 86_400 + 22 * 3600);
    expect(documentation).toMatchObject({ due: 4, onTime: 1, late: 0, overdue: 2, pending: 1 });
  });

  it('leaves out phases the severity has no due date for, and counts a reached phase with no record as unmeasured', () => {
    const [analysis, , , closed] = computePhaseCycleTimes(
      [review({ severity: 'sev4', phase: 'closed' }), review({ phase: 'follow_up' })],
      defaultPolicy,
      '2026-11-12',
    );
    // sev4 has no analysis due date; the sev2 review reached analysis without a recorded change.
    expect(analysis).toMatchObject({ due: 1, onTime: 0, late: 0 });
    expect(analysis?.timeToReach.quality.missing).toBe(1);
    expect(closed).toMatchObject({ due: 2, pending: 1 });
  });
});
