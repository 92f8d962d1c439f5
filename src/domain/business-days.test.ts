import { describe, expect, it } from 'vitest';
import { addBusinessDays, toIsoDate } from './business-days.ts';

const utc = (iso: string) => new Date(`${iso}T10:00:00Z`);

describe('toIsoDate', () => {
  it('gives the UTC calendar date', () => {
    expect(toIsoDate(new Date('2024-03-04T00:00:00Z'))).toBe('2024-03-04');
    expect(toIsoDate(new Date('2024-03-04T23:30:00-05:00'))).toBe('2024-03-05');
  });
});

describe('addBusinessDays', () => {
  it.each([
    ['Monday + 1', '2024-03-04', 1, '2024-03-05'],
    ['Monday + 4', '2024-03-04', 4, '2024-03-08'],
    ['Monday + 5 crosses a weekend', '2024-03-04', 5, '2024-03-11'],
    ['Friday + 1 is Monday', '2024-03-08', 1, '2024-03-11'],
    ['Friday + 2 is Tuesday', '2024-03-08', 2, '2024-03-12'],
    ['Saturday + 1 is Monday', '2024-03-09', 1, '2024-03-11'],
    ['Sunday + 1 is Monday', '2024-03-10', 1, '2024-03-11'],
    ['Monday + 10 is two weeks on', '2024-03-04', 10, '2024-03-18'],
    ['into a leap day', '2024-02-28', 1, '2024-02-29'],
    ['across the year end', '2024-12-30', 4, '2025-01-03'],
  ] as const)('%s', (_name, start, days, expected) => {
    expect(addBusinessDays(utc(start), days)).toBe(expected);
  });

  it.each([['2024-03-04'], ['2024-03-09']])(
    'returns the start date itself for zero days (%s)',
    (start) => {
      expect(addBusinessDays(utc(start), 0)).toBe(start);
    },
  );

  it('ignores the time of day and counts in UTC', () => {
    expect(addBusinessDays(new Date('2024-03-08T23:59:59Z'), 1)).toBe('2024-03-11');
    // 20:00 on Friday in New York is already Saturday in UTC.
    expect(addBusinessDays(new Date('2024-03-08T20:00:00-05:00'), 1)).toBe('2024-03-11');
  });

  it('skips holidays', () => {
    expect(addBusinessDays(utc('2024-03-08'), 1, ['2024-03-11'])).toBe('2024-03-12');
    expect(addBusinessDays(utc('2024-12-31'), 3, ['2025-01-01'])).toBe('2025-01-06');
  });

  it('skips consecutive holidays', () => {
    const easter = ['2024-03-29', '2024-04-01'];
    expect(addBusinessDays(utc('2024-03-28'), 1, easter)).toBe('2024-04-02');
  });

  it('does not charge a holiday that falls on a weekend twice', () => {
    expect(addBusinessDays(utc('2024-03-08'), 1, ['2024-03-09', '2024-03-10'])).toBe('2024-03-11');
  });

  it('does not count a holiday on the start date', () => {
    expect(addBusinessDays(utc('2024-03-04'), 1, ['2024-03-04'])).toBe('2024-03-05');
  });

  it('leaves the start instant alone', () => {
    const start = utc('2024-03-08');
    addBusinessDays(start, 3);
    expect(start.toISOString()).toBe('2024-03-08T10:00:00.000Z');
  });
});
