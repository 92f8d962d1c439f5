import { describe, expect, it } from 'vitest';
import { signalFromJiraCategory, statusAfterTrackerSignal } from './tracker-status.ts';

describe('statusAfterTrackerSignal', () => {
  it.each([
    ['open', 'closed', 'done'],
    ['in_progress', 'closed', 'done'],
    ['done', 'closed', null],
    ['verified', 'reopened', null],
    ['wont_do', 'closed', null],
    ['done', 'reopened', 'in_progress'],
    ['open', 'in_progress', 'in_progress'],
    ['done', 'in_progress', null],
    ['open', 'to_do', null],
  ] as const)('%s + %s → %s', (current, signal, next) => {
    expect(statusAfterTrackerSignal(current, signal)).toBe(next);
  });

  it('reads Jira status categories', () => {
    expect(signalFromJiraCategory('done')).toBe('closed');
    expect(signalFromJiraCategory('indeterminate')).toBe('in_progress');
    expect(signalFromJiraCategory('new')).toBe('to_do');
    expect(signalFromJiraCategory('undefined')).toBeNull();
  });
});
