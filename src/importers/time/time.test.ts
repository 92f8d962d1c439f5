import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../domain/errors.ts';
import { findZoneInProse } from './find-zone-in-prose.ts';
import { wallTimeToUtc } from './wall-time-to-utc.ts';
import { findZone, parseZone } from './zone.ts';

const utc = (wall: string, zone: string) => {
  const [date = '', time = ''] = wall.split(' ');
  const [year = 0, month = 0, day = 0] = date.split('-').map(Number);
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return wallTimeToUtc({ year, month, day, hour, minute }, parseZone(zone));
};

describe('findZone', () => {
  it.each([
    ['CET', '+01:00'],
    ['cest', '+02:00'],
    ['PST', '-08:00'],
    ['PDT', '-07:00'],
    ['IST', '+05:30'],
    ['BST', '+01:00'],
    ['EEST', '+03:00'],
    ['EDT', '-04:00'],
    ['UTC+1', '+01:00'],
    ['UTC-7', '-07:00'],
    ['+05:30', '+05:30'],
    ['GMT', '+00:00'],
  ])('reads %s as %s', (text, offset) => {
    const zone = findZone(text);
    expect(zone?.kind).toBe('fixed');
    expect(zone && zone.kind === 'fixed' ? utc('2024-01-10 12:00', text).offset : undefined).toBe(
      offset,
    );
  });

  it('reads IANA zones and refuses unknown ones with VALIDATION_FAILED', () => {
    expect(findZone('Europe/Copenhagen')).toEqual({
      kind: 'iana',
      name: 'Europe/Copenhagen',
      label: 'Europe/Copenhagen',
    });
    expect(findZone('Mars/Olympus')).toBeUndefined();
    expect(findZone('UTC+99')).toBeUndefined();
    try {
      parseZone('XYZ');
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error, 'VALIDATION_FAILED')).toBe(true);
    }
  });
});

describe('wallTimeToUtc', () => {
  it('converts fixed offsets exactly', () => {
    expect(utc('2020-08-28 20:52', 'IST').instant.toISOString()).toBe('2020-08-28T15:22:00.000Z');
    expect(utc('2019-02-05 08:47', 'PST').instant.toISOString()).toBe('2019-02-05T16:47:00.000Z');
  });

  it('converts IANA zones with their DST rules', () => {
    expect(utc('2024-07-01 12:00', 'Europe/Copenhagen').instant.toISOString()).toBe(
      '2024-07-01T10:00:00.000Z',
    );
    expect(utc('2024-01-01 12:00', 'Europe/Copenhagen').instant.toISOString()).toBe(
      '2024-01-01T11:00:00.000Z',
    );
    expect(utc('2024-07-01 12:00', 'America/Los_Angeles').ambiguities).toEqual([]);
  });

  it('surfaces the skipped hour when clocks go forward', () => {
    const result = utc('2024-03-31 02:30', 'Europe/Copenhagen');
    expect(result.ambiguities.map((a) => a.code)).toEqual(['DST_GAP']);
    expect(result.instant.toISOString()).toBe('2024-03-31T01:30:00.000Z');
  });

  it('surfaces the repeated hour when clocks go back, choosing the earlier', () => {
    const result = utc('2024-11-03 01:30', 'America/New_York');
    expect(result.ambiguities.map((a) => a.code)).toEqual(['DST_OVERLAP']);
    expect(result.instant.toISOString()).toBe('2024-11-03T05:30:00.000Z');
  });

  it('keeps a seasonal abbreviation as written but flags the season mismatch', () => {
    const result = utc('2020-06-09 12:00', 'CET');
    expect(result.instant.toISOString()).toBe('2020-06-09T11:00:00.000Z');
    expect(result.ambiguities.map((a) => a.code)).toEqual(['ZONE_SEASON_MISMATCH']);
    expect(utc('2020-01-09 12:00', 'CET').ambiguities).toEqual([]);
  });
});

describe('findZoneInProse', () => {
  it.each([
    ['All times in CET.', '+01:00'],
    ['_All times in EEST_', '+03:00'],
    ['All times in PDT (UTC-7).', '-07:00'],
    ['All times in UTC+1', '+01:00'],
    ['All times in PST, on February 5th 2019', '-08:00'],
  ])('finds the zone of "%s"', (line, offset) => {
    const found = findZoneInProse(`# Title\n\nSome text.\n\n${line}\n`);
    expect(found?.line).toBe(5);
    expect(found?.zone.kind === 'fixed' ? found.zone.offsetMinutes : undefined).toBe(
      (offset.startsWith('-') ? -1 : 1) *
        (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4))),
    );
  });

  it('ignores zones in sentences that do not state the document zone', () => {
    expect(findZoneInProse('Engineers were at a conference in PDT time zone.')).toBeUndefined();
    expect(findZoneInProse('| 10:00 CET | x |')).toBeUndefined();
  });
});
