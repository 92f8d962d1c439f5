import { describe, expect, it } from 'vitest';
import { actionItem } from '../../../test/support/domain-builders.ts';
import { findWriteOnlyReport, type WriteOnlyReportInput } from './find-write-only-report.ts';

const base: WriteOnlyReportInput = {
  postmortem: { id: 'pm-1', phase: 'documentation', createdAt: new Date('2026-11-01T09:00:00Z') },
  actionItems: [actionItem()],
  phaseHistory: [],
  today: new Date('2026-11-20T12:00:00Z'),
  followUpStaleDays: 21,
};

const rules = (input: Partial<WriteOnlyReportInput>) =>
  findWriteOnlyReport({ ...base, ...input }).map((f) => [f.rule, f.target.id]);

describe('findWriteOnlyReport', () => {
  it('is silent on a complete item that is not due yet', () => {
    expect(rules({})).toEqual([]);
  });

  it.each([
    ['owner', { ownerName: null, ownerUserId: null }],
    ['owner (blank)', { ownerName: '  ', ownerUserId: null }],
    ['due date', { dueDate: null }],
    ['success criterion', { successCriterion: ' ' }],
  ])('flags an item without %s', (_label, overrides) => {
    expect(rules({ actionItems: [actionItem(overrides)] })).toEqual([
      ['incomplete-action-item', 'item-1'],
    ]);
  });

  it('accepts an owner given as a user id', () => {
    expect(rules({ actionItems: [actionItem({ ownerName: null, ownerUserId: 'u-1' })] })).toEqual(
      [],
    );
  });

  it('exempts items marked won’t do, incomplete or overdue', () => {
    const item = actionItem({
      status: 'wont_do',
      wontDoReason: 'Replaced by the queue redesign',
      ownerName: null,
      dueDate: '2026-11-01',
    });
    expect(rules({ actionItems: [item] })).toEqual([]);
  });

  it.each([
    ['open', '2026-11-19', true],
    ['in_progress', '2026-11-19', true],
    ['open', '2026-11-20', false],
    ['done', '2026-11-01', false],
    ['verified', '2026-11-01', false],
  ] as const)('an item %s due %s is overdue: %s', (status, dueDate, overdue) => {
    const found = rules({
      actionItems: [actionItem({ status, dueDate, verificationEvidence: 'checked' })],
    });
    expect(found).toEqual(overdue ? [['overdue-action-item', 'item-1']] : []);
  });

  describe('stale follow-up', () => {
    const inFollowUp = {
      postmortem: { ...base.postmortem, phase: 'follow_up' as const },
      actionItems: [actionItem({ updatedAt: new Date('2026-10-15T09:00:00Z') })],
      phaseHistory: [
        { phase: 'data_gathering' as const, enteredAt: new Date('2026-10-01T09:00:00Z') },
        { phase: 'follow_up' as const, enteredAt: new Date('2026-10-20T09:00:00Z') },
      ],
    };

    it('flags no progress for the policy’s number of days, counting from the latest change', () => {
      expect(rules({ ...inFollowUp, today: new Date('2026-11-10T09:00:00Z') })).toEqual([
        ['stale-follow-up', 'pm-1'],
      ]);
      expect(rules({ ...inFollowUp, today: new Date('2026-11-10T08:59:00Z') })).toEqual([]);
    });

    it('counts an action item update as progress', () => {
      const item = actionItem({ updatedAt: new Date('2026-11-05T09:00:00Z') });
      expect(
        rules({ ...inFollowUp, actionItems: [item], today: new Date('2026-11-20T09:00:00Z') }),
      ).toEqual([]);
      expect(
        rules({ ...inFollowUp, actionItems: [item], today: new Date('2026-11-26T09:00:00Z') }),
      ).toEqual([['stale-follow-up', 'pm-1']]);
    });

    it('only applies in follow-up', () => {
      const history = inFollowUp.phaseHistory;
      const done = [actionItem({ status: 'done', updatedAt: new Date('2026-10-15T09:00:00Z') })];
      const today = new Date('2027-01-01T09:00:00Z');
      expect(rules({ phaseHistory: history, actionItems: done, today })).toEqual([]);
    });

    it('falls back to the postmortem’s last update when no history is given', () => {
      const postmortem = { ...inFollowUp.postmortem, updatedAt: new Date('2026-11-15T09:00:00Z') };
      expect(rules({ postmortem, today: new Date('2026-11-20T09:00:00Z') })).toEqual([]);
    });
  });
});
