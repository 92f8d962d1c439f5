import { describe, expect, it } from 'vitest';
import { type PhaseReminderCandidate, phaseRemindersDue } from './phase-reminders.ts';
import { defaultPolicy, type Policy } from './policy.ts';

/** Resolved Monday 16 November 2026; sev2 reaches analysis by Thursday the 19th. */
const candidate = (overrides: Partial<PhaseReminderCandidate> = {}): PhaseReminderCandidate => ({
  postmortemId: 'pm-1',
  title: 'Checkout latency',
  phase: 'data_gathering',
  severity: 'sev2',
  resolvedAt: new Date('2026-11-16T11:00:00Z'),
  ownerUserId: 'opener',
  ...overrides,
});
const rules = (today: string, c = candidate(), policy: Policy = defaultPolicy) =>
  phaseRemindersDue([c], policy, today).map((r) => `${r.rule}: ${r.body}`);

describe('phaseRemindersDue', () => {
  it('reminds the opener the day before the next deadline, then every day it is missed', () => {
    expect(rules('2026-11-17')).toEqual([]);
    expect(rules('2026-11-18')).toEqual([
      'postmortem.phase_due_soon: Timeline gathered: due in 1 day, on 2026-11-19.',
    ]);
    expect(rules('2026-11-19')).toEqual([]);
    expect(rules('2026-11-21')).toEqual([
      'postmortem.phase_overdue: Timeline gathered: overdue by 2 days (due 2026-11-19).',
    ]);
    expect(phaseRemindersDue([candidate()], defaultPolicy, '2026-11-18')[0]).toMatchObject({
      subjectType: 'postmortem',
      subjectId: 'pm-1',
      postmortemId: 'pm-1',
      recipientUserId: 'opener',
    });
  });

  it('asks for the draft and its review when the review should reach follow-up', () => {
    // sev2: follow-up is due 15 business days after resolution, Monday 7 December.
    const documenting = candidate({ phase: 'documentation' });
    expect(rules('2026-12-04', documenting)).toEqual([]);
    expect(rules('2026-12-06', documenting)).toEqual([
      'postmortem.phase_due_soon: Report drafted and reviewed: due in 1 day, on 2026-12-07.',
    ]);
    expect(rules('2026-12-08', documenting)).toEqual([
      'postmortem.phase_overdue: Report drafted and reviewed: overdue by 1 day (due 2026-12-07).',
    ]);
  });

  it('follows the policy days, including the day itself', () => {
    const policy = {
      ...defaultPolicy,
      reminders: { ...defaultPolicy.reminders, phaseBeforeDueDays: [3, 0] },
    };
    expect(rules('2026-11-16', candidate(), policy)).toEqual([
      'postmortem.phase_due_soon: Timeline gathered: due in 3 days, on 2026-11-19.',
    ]);
    expect(rules('2026-11-19', candidate(), policy)).toEqual([
      'postmortem.phase_due_soon: Timeline gathered: due today.',
    ]);
  });

  it('says nothing before the clock starts, after closing, or without an opener', () => {
    expect(rules('2026-11-25', candidate({ resolvedAt: null }))).toEqual([]);
    expect(rules('2026-11-25', candidate({ phase: 'closed' }))).toEqual([]);
    expect(rules('2026-11-25', candidate({ ownerUserId: null }))).toEqual([]);
  });

  it('skips phases the severity has no deadline for', () => {
    // sev4 has no analysis deadline: the next one is documentation, 15 business days on.
    expect(rules('2026-12-06', candidate({ severity: 'sev4' }))).toEqual([
      'postmortem.phase_due_soon: Analysis done: due in 1 day, on 2026-12-07.',
    ]);
  });
});
