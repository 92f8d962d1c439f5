import { describe, expect, it } from 'vitest';
import { deadlineState, relativeDays } from './deadline-words.ts';

describe('deadline words', () => {
  const today = '2026-11-20';

  it('never calls a date still ahead "reached": a reached phase is done', () => {
    expect(deadlineState({ reached: true, overdue: false, dueOn: '2026-12-01' }, today)).toBe(
      'done',
    );
  });

  it('is overdue past the date, due soon within two days, upcoming after', () => {
    const state = (dueOn: string) =>
      deadlineState({ reached: false, overdue: false, dueOn }, today);
    expect(state('2026-11-19')).toBe('overdue');
    expect(state('2026-11-20')).toBe('due-soon');
    expect(state('2026-11-22')).toBe('due-soon');
    expect(state('2026-11-23')).toBe('upcoming');
    expect(deadlineState({ reached: false, overdue: true, dueOn: '2026-11-20' }, today)).toBe(
      'overdue',
    );
  });

  it('says how far a date is in words', () => {
    expect(relativeDays('2026-11-20', today)).toBe('today');
    expect(relativeDays('2026-11-21', today)).toBe('tomorrow');
    expect(relativeDays('2026-11-25', today)).toBe('in 5 days');
    expect(relativeDays('2026-11-17', today)).toBe('3 days ago');
  });
});
