import { describe, expect, it } from 'vitest';
import { defaultPolicy } from './policy.ts';
import { deliverableAt, type ReminderCandidate, remindersDue } from './reminders.ts';

const item = (overrides: Partial<ReminderCandidate> = {}): ReminderCandidate => ({
  id: 'item-1',
  title: 'Alert on pool saturation',
  status: 'open',
  dueDate: '2026-11-20',
  ownerUserId: 'owner',
  team: 'Platform',
  postmortemId: 'pm-1',
  postmortemOwnerId: 'pm-owner',
  ...overrides,
});
const policy = {
  ...defaultPolicy.reminders,
  beforeDueDays: [3],
  escalateToPostmortemOwnerAfterDays: 3,
  escalateToTeamLeadAfterDays: 7,
};
const leads = new Map([['Platform', 'lead']]);
const rules = (today: string, candidate = item()) =>
  remindersDue([candidate], policy, today, leads).map((r) => `${r.rule}→${r.recipientUserId}`);

describe('remindersDue', () => {
  it('reminds before the due date on the policy days only', () => {
    expect(rules('2026-11-17')).toEqual(['action_item.due_soon→owner']);
    expect(rules('2026-11-18')).toEqual([]);
    expect(rules('2026-11-20')).toEqual([]);
  });

  it('reminds every day past due and escalates to the postmortem owner, then the team lead', () => {
    expect(rules('2026-11-21')).toEqual(['action_item.overdue→owner']);
    expect(rules('2026-11-23')).toEqual([
      'action_item.overdue→owner',
      'action_item.escalated_to_postmortem_owner→pm-owner',
    ]);
    expect(rules('2026-11-27')).toEqual([
      'action_item.overdue→owner',
      'action_item.escalated_to_postmortem_owner→pm-owner',
      'action_item.escalated_to_team_lead→lead',
    ]);
  });

  it('leaves finished, undated and unowned items to escalation alone', () => {
    expect(rules('2026-11-27', item({ status: 'done' }))).toEqual([]);
    expect(rules('2026-11-27', item({ dueDate: null }))).toEqual([]);
    expect(rules('2026-11-23', item({ ownerUserId: null, team: 'Unknown' }))).toEqual([
      'action_item.escalated_to_postmortem_owner→pm-owner',
    ]);
  });
});

describe('deliverableAt', () => {
  const quiet = { start: '22:00', end: '07:00', timeZone: 'Europe/Berlin' };
  it('holds a delivery inside quiet hours until they end, across midnight and in the zone', () => {
    // 23:30 in Berlin (UTC+1 in November) → 07:00 Berlin = 06:00Z.
    expect(deliverableAt(new Date('2026-11-20T22:30:00Z'), quiet).toISOString()).toBe(
      '2026-11-21T06:00:00.000Z',
    );
    const noon = new Date('2026-11-20T11:00:00Z');
    expect(deliverableAt(noon, quiet)).toBe(noon);
    expect(deliverableAt(noon, null)).toBe(noon);
  });
});
