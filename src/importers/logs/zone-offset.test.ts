import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.ts';
import { assertZone, wallTimeToUtc } from './zone-offset.ts';

describe('zone offsets of log timestamps', () => {
  it('accepts fixed offsets and IANA zones, and refuses an unknown zone as VALIDATION_FAILED', () => {
    expect(() => assertZone('+05:30')).not.toThrow();
    expect(() => assertZone('Europe/Paris')).not.toThrow();
    const refusal = (() => {
      try {
        assertZone('Mars/Olympus_Mons');
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(() => wallTimeToUtc(0, 'Mars/Olympus_Mons')).toThrow(DomainError);
  });

  it('reads a wall time in a fixed offset and in a zone with daylight saving', () => {
    const wall = Date.UTC(2026, 6, 1, 12, 0, 0);
    expect(new Date(wallTimeToUtc(wall, '-0530')).toISOString()).toBe('2026-07-01T17:30:00.000Z');
    expect(new Date(wallTimeToUtc(wall, 'Europe/Paris')).toISOString()).toBe(
      '2026-07-01T10:00:00.000Z',
    );
  });
});
