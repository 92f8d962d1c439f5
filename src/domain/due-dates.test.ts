import { describe, expect, it } from 'vitest';
import { computePhaseDeadlines } from './due-dates.ts';
import { defaultPolicy, type Policy } from './policy.ts';

/** Monday 4 March 2024, mid-morning UTC. */
const resolvedMonday = new Date('2024-03-04T10:00:00Z');

const dueOn = (deadlines: ReturnType<typeof computePhaseDeadlines>) =>
  Object.fromEntries(deadlines.map((d) => [d.phase, d.dueOn]));

describe('computePhaseDeadlines', () => {
  it('is empty until the incident is resolved: the clock has not started', () => {
    expect(
      computePhaseDeadlines(defaultPolicy, 'sev1', null, 'data_gathering', '2024-06-01'),
    ).toEqual([]);
  });

  it('counts business days from the resolution, per phase', () => {
    const deadlines = computePhaseDeadlines(
      defaultPolicy,
      'sev1',
      resolvedMonday,
      'data_gathering',
      '2024-03-04',
    );
    expect(deadlines).toEqual([
      { phase: 'analysis', dueOn: '2024-03-06', reached: false, overdue: false },
      { phase: 'documentation', dueOn: '2024-03-11', reached: false, overdue: false },
      { phase: 'follow_up', dueOn: '2024-03-18', reached: false, overdue: false },
      { phase: 'closed', dueOn: '2024-04-29', reached: false, overdue: false },
    ]);
  });

  it('lists only the phases the severity has a budget for', () => {
    const deadlines = computePhaseDeadlines(
      defaultPolicy,
      'sev4',
      resolvedMonday,
      'data_gathering',
      '2024-03-04',
    );
    expect(dueOn(deadlines)).toEqual({ documentation: '2024-03-25', closed: '2024-08-19' });
  });

  it('starts counting after a Friday resolution on Monday', () => {
    const friday = new Date('2024-03-08T16:00:00Z');
    const deadlines = computePhaseDeadlines(
      defaultPolicy,
      'sev1',
      friday,
      'analysis',
      '2024-03-08',
    );
    expect(deadlines[0]).toEqual({
      phase: 'analysis',
      dueOn: '2024-03-12',
      reached: true,
      overdue: false,
    });
  });

  it("skips the policy's holidays", () => {
    const policy: Policy = { ...defaultPolicy, holidays: ['2024-03-05', '2024-03-06'] };
    const deadlines = computePhaseDeadlines(
      policy,
      'sev1',
      resolvedMonday,
      'data_gathering',
      '2024-03-04',
    );
    expect(deadlines[0]?.dueOn).toBe('2024-03-08');
  });

  it('makes a zero-day budget due on the resolution date', () => {
    const policy: Policy = {
      ...defaultPolicy,
      dueBusinessDays: { ...defaultPolicy.dueBusinessDays, sev2: { analysis: 0 } },
    };
    expect(
      computePhaseDeadlines(policy, 'sev2', resolvedMonday, 'data_gathering', '2024-03-05'),
    ).toEqual([{ phase: 'analysis', dueOn: '2024-03-04', reached: false, overdue: true }]);
  });

  it('marks phases already reached, which are never overdue', () => {
    const deadlines = computePhaseDeadlines(
      defaultPolicy,
      'sev1',
      resolvedMonday,
      'documentation',
      '2024-12-31',
    );
    expect(deadlines.map((d) => [d.phase, d.reached, d.overdue])).toEqual([
      ['analysis', true, false],
      ['documentation', true, false],
      ['follow_up', false, true],
      ['closed', false, true],
    ]);
  });

  it('is overdue only after the due date, not on it', () => {
    const on = (today: string) =>
      computePhaseDeadlines(defaultPolicy, 'sev1', resolvedMonday, 'data_gathering', today)[0];
    expect(on('2024-03-05')?.overdue).toBe(false);
    expect(on('2024-03-06')?.overdue).toBe(false);
    expect(on('2024-03-07')?.overdue).toBe(true);
  });

  it('has everything reached once closed', () => {
    const deadlines = computePhaseDeadlines(
      defaultPolicy,
      'sev2',
      resolvedMonday,
      'closed',
      '2030-01-01',
    );
    expect(deadlines.every((d) => d.reached && !d.overdue)).toBe(true);
  });
});
