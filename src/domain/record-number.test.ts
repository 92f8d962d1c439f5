import { describe, expect, it } from 'vitest';
import { formatRecordNumber, parseRecordNumber } from './record-number.ts';

describe('record numbers', () => {
  it('shows the public series as plain numbers and the restricted one with S-', () => {
    expect(formatRecordNumber(12)).toBe('12');
    expect(formatRecordNumber(-3)).toBe('S-3');
  });

  it('reads back what it shows, with or without the usual prefixes', () => {
    expect(parseRecordNumber('12')).toBe(12);
    expect(parseRecordNumber('#12')).toBe(12);
    expect(parseRecordNumber('S-3')).toBe(-3);
    expect(parseRecordNumber('pm-s-3')).toBe(-3);
    expect(parseRecordNumber('checkout')).toBeUndefined();
    expect(parseRecordNumber('S-')).toBeUndefined();
    expect(parseRecordNumber('1234567890')).toBeUndefined();
  });
});
