import { describe, expect, it } from 'vitest';
import { composeTeamDigest, type DigestItem, digestListLimit, isDigestDay } from './team-digest.ts';

const item = (overrides: Partial<DigestItem>): DigestItem => ({
  title: 'Alert on pool saturation',
  status: 'open',
  dueDate: '2026-11-20',
  postmortemNumber: 7,
  ...overrides,
});

describe('isDigestDay', () => {
  it('is Monday unless the policy names another day or none', () => {
    expect(isDigestDay({}, '2026-11-23')).toBe(true);
    expect(isDigestDay({}, '2026-11-24')).toBe(false);
    expect(isDigestDay({ weeklyDigestDay: 'friday' }, '2026-11-27')).toBe(true);
    expect(isDigestDay({ weeklyDigestDay: null }, '2026-11-23')).toBe(false);
  });
});

describe('composeTeamDigest', () => {
  it('lists what is overdue, what comes due within a week, and what waits for verification', () => {
    const digest = composeTeamDigest(
      'Platform',
      [
        item({}),
        item({ title: 'Runbook for failover', dueDate: '2026-11-27', postmortemNumber: 8 }),
        item({ title: 'Canary the config push', status: 'done', dueDate: null }),
        item({ title: 'Far away', dueDate: '2027-01-31' }),
        item({ title: 'Already verified', status: 'verified' }),
      ],
      '2026-11-23',
    );
    expect(digest?.title).toBe('Platform: 1 overdue, 1 due soon, 1 to verify');
    expect(digest?.body).toBe(
      [
        'Overdue (1):',
        '- Alert on pool saturation (postmortem #7, 3 days late)',
        'Due in the next 7 days (1):',
        '- Runbook for failover (postmortem #8, due 2026-11-27)',
        'Done, waiting for verification (1):',
        '- Canary the config push (postmortem #7)',
      ].join('\n'),
    );
  });

  it('is null when nothing needs anyone this week', () => {
    expect(composeTeamDigest('Platform', [], '2026-11-23')).toBeNull();
    expect(
      composeTeamDigest('Platform', [item({ dueDate: '2027-01-31' })], '2026-11-23'),
    ).toBeNull();
  });

  it('lists a few and counts the rest', () => {
    const many = Array.from({ length: digestListLimit + 3 }, (_, i) =>
      item({ title: `Fix ${i}`, dueDate: '2026-11-22' }),
    );
    const digest = composeTeamDigest('Platform', many, '2026-11-23');
    expect(digest?.overdue).toHaveLength(digestListLimit + 3);
    expect(digest?.body.split('\n').at(-1)).toBe('- and 3 more');
    expect(digest?.body).toContain('1 day late');
  });
});
