import { describe, expect, it } from 'vitest';
import { actionItem } from '../../../test/support/domain-builders.ts';
import { findPunitiveActionItems } from './find-punitive-action-items.ts';

const flagged = (title: string, successCriterion: string | null = null) =>
  findPunitiveActionItems([actionItem({ title, successCriterion })]).length > 0;

describe('findPunitiveActionItems', () => {
  it.each([
    'Require manager approval for production deploys',
    'Two sign-offs on every config change',
    'Database changes need a sign off from the DBA team',
    'Mandatory second review for infrastructure PRs',
    'Weekly meeting to go over risky changes',
    'Training for the on-call rotation',
    'Retrain engineers on the release process',
    'Engineers must be more careful when editing DNS',
    'Double-check the hostname before running the script',
    'Remind everyone to read the runbook',
    'Disciplinary follow-up with the operator',
    'The deploying engineer will be held accountable',
  ])('flags "%s"', (title) => {
    expect(flagged(title)).toBe(true);
  });

  it.each([
    'Add a canary check and require sign-off',
    'Training plus an automated pre-deploy validation of the config',
    'Alert on replication lag above 30 s',
    'Roll back automatically when the error rate doubles',
    'Add a rate limit on the export endpoint',
    'Put the new parser behind a feature flag',
    'Increase the connection pool timeout',
    'Reviewed the capacity plan for Q1',
  ])('does not flag "%s"', (title) => {
    expect(flagged(title)).toBe(false);
  });

  it('reads the success criterion for the technical change', () => {
    expect(flagged('Require sign-off on schema changes', 'CI runs a schema check first')).toBe(
      false,
    );
    expect(flagged('Require sign-off on schema changes', 'Every change has a sign-off')).toBe(true);
  });

  it('skips items marked won’t do and reports each flagged item once', () => {
    const findings = findPunitiveActionItems([
      actionItem({ id: 'a', title: 'More training and more approvals' }),
      actionItem({ id: 'b', title: 'More training', status: 'wont_do', wontDoReason: 'x' }),
    ]);
    expect(findings.map((f) => [f.rule, f.severity, f.target])).toEqual([
      ['punitive-action-item', 'warning', { type: 'action_item', id: 'a' }],
    ]);
  });
});
