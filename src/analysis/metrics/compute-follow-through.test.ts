import { describe, expect, it } from 'vitest';
import { computeFollowThrough, type FollowThroughItem } from './compute-follow-through.ts';
import { countFactorCategories } from './count-factor-categories.ts';

const item = (overrides: Partial<FollowThroughItem>): FollowThroughItem => ({
  postmortemId: 'p1',
  postmortemClosed: false,
  status: 'open',
  createdAt: new Date('2026-09-01T10:00:00Z'),
  verifiedAt: null,
  dueDate: null,
  ...overrides,
});

describe('computeFollowThrough', () => {
  it('counts created and verified per month, time to verify, overdue age and closed reviews', () => {
    const result = computeFollowThrough(
      [
        item({
          status: 'verified',
          verifiedAt: new Date('2026-10-01T10:00:00Z'),
          postmortemId: 'closed-ok',
          postmortemClosed: true,
        }),
        item({
          status: 'verified',
          verifiedAt: new Date('2026-09-03T10:00:00Z'),
          postmortemId: 'closed-ok',
          postmortemClosed: true,
        }),
        item({ status: 'wont_do', postmortemId: 'closed-dropped', postmortemClosed: true }),
        item({ status: 'open', dueDate: '2026-11-01' }),
        item({ status: 'in_progress', dueDate: '2026-11-25' }),
        item({ status: 'done', dueDate: '2026-10-01' }),
        item({
          status: 'open',
          dueDate: '2026-12-31',
          createdAt: new Date('2026-10-05T00:00:00Z'),
        }),
      ],
      '2026-11-29',
    );
    expect(result.byMonth).toEqual([
      { month: '2026-09', created: 6, verified: 1 },
      { month: '2026-10', created: 1, verified: 1 },
    ]);
    expect(result.timeToVerify).toMatchObject({ count: 2, median: 2 * 86_400, max: 30 * 86_400 });
    expect(result.overdue.count).toBe(2);
    expect(result.overdue.ageDays).toMatchObject({ median: 4, max: 28 });
    expect([result.closedPostmortems, result.closedWithAllVerified]).toEqual([2, 1]);
  });
});

describe('countFactorCategories', () => {
  it('counts categories per month of the incident', () => {
    expect(
      countFactorCategories([
        { category: 'capacity', occurredAt: new Date('2026-10-31T23:00:00Z') },
        { category: 'capacity', occurredAt: new Date('2026-10-02T00:00:00Z') },
        { category: 'detection_gap', occurredAt: new Date('2026-11-01T00:00:00Z') },
      ]),
    ).toEqual([
      { month: '2026-10', counts: { capacity: 2 } },
      { month: '2026-11', counts: { detection_gap: 1 } },
    ]);
  });
});
