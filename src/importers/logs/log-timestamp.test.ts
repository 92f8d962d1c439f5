import { describe, expect, it } from 'vitest';
import { readLeadingTimestamp, readTimestampValue } from './log-timestamp.ts';

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('readLeadingTimestamp', () => {
  it('reads RFC 3339 with Z, offsets and nanoseconds', () => {
    expect(iso(readLeadingTimestamp('2024-03-05T14:03:01Z x', {})?.read.ms)).toBe(
      '2024-03-05T14:03:01.000Z',
    );
    const offset = readLeadingTimestamp('2018-07-04T20:27:12.60602144+02:00 y', {});
    expect(iso(offset?.read.ms)).toBe('2018-07-04T18:27:12.606Z');
    expect(offset?.read.zone).toBe('+02:00');
    expect(offset?.read.text).toBe('2018-07-04T20:27:12.60602144+02:00');
    expect(readLeadingTimestamp('2017-01-30T18:30:41.962+0100', {})?.read.zone).toBe('+01:00');
  });

  it('flags a zoneless time unless a zone is given', () => {
    const naive = readLeadingTimestamp('2024-03-05 14:03:01,123 ERROR', {});
    expect(naive?.read.ambiguities.map((a) => a.code)).toEqual(['ZONE_UNKNOWN']);
    expect(naive?.read.zone).toBeNull();
    const zoned = readLeadingTimestamp('2024-03-05 14:03:01 ERROR', { zone: 'Europe/Berlin' });
    expect(iso(zoned?.read.ms)).toBe('2024-03-05T13:03:01.000Z');
    expect(zoned?.read.ambiguities).toEqual([]);
    const summer = readLeadingTimestamp('2024-07-05 14:03:01', { zone: 'Europe/Berlin' });
    expect(iso(summer?.read.ms)).toBe('2024-07-05T12:03:01.000Z');
  });

  it('reads syslog: year and zone missing unless the window and zone supply them', () => {
    const bare = readLeadingTimestamp('Nov 16 14:03:01 host sshd[1]: x', {});
    expect(bare?.read.ambiguities.map((a) => a.code)).toEqual([
      'DATE_YEAR_MISSING',
      'ZONE_UNKNOWN',
    ]);
    const since = new Date('2024-01-01T02:00:00Z');
    const rolled = readLeadingTimestamp('Dec 31 23:59:00 host x', { since, zone: 'UTC' });
    expect(iso(rolled?.read.ms)).toBe('2023-12-31T23:59:00.000Z');
    expect(rolled?.read.ambiguities).toEqual([]);
    expect(readLeadingTimestamp('Nov  6 01:02:03 h', { since })?.read.text).toBe('Nov  6 01:02:03');
  });

  it('reads epoch seconds, milliseconds and nanoseconds, bracketed or not', () => {
    expect(iso(readLeadingTimestamp('1700000000 x', {})?.read.ms)).toBe('2023-11-14T22:13:20.000Z');
    expect(iso(readLeadingTimestamp('1700000000.5 x', {})?.read.ms)).toBe(
      '2023-11-14T22:13:20.500Z',
    );
    expect(iso(readLeadingTimestamp('[1700000000123] x', {})?.read.ms)).toBe(
      '2023-11-14T22:13:20.123Z',
    );
    expect(readLeadingTimestamp('[1700000000123] x', {})?.length).toBe(15);
    expect(iso(readLeadingTimestamp('1502709956288000110 x', {})?.read.ms)).toBe(
      '2017-08-14T11:25:56.288Z',
    );
  });

  it('refuses impossible dates and year typos', () => {
    expect(readLeadingTimestamp('2024-02-30T00:00:00Z', {})).toBeUndefined();
    expect(readLeadingTimestamp('20202-01-16 10:00', {})).toBeUndefined();
    expect(readLeadingTimestamp('hello', {})).toBeUndefined();
  });
});

describe('readTimestampValue', () => {
  it('reads numbers and strings as epochs or ISO text', () => {
    expect(iso(readTimestampValue(1700000000, {})?.ms)).toBe('2023-11-14T22:13:20.000Z');
    expect(iso(readTimestampValue(1700000000123, {})?.ms)).toBe('2023-11-14T22:13:20.123Z');
    expect(iso(readTimestampValue('1700000000123', {})?.ms)).toBe('2023-11-14T22:13:20.123Z');
    expect(iso(readTimestampValue('2024-03-05T14:03:01.5Z', {})?.ms)).toBe(
      '2024-03-05T14:03:01.500Z',
    );
    expect(readTimestampValue(42, {})).toBeUndefined();
    expect(readTimestampValue('2024-03-05T14:03:01Z trailing', {})).toBeUndefined();
    expect(readTimestampValue(null, {})).toBeUndefined();
  });
});
