import { DomainError } from '../../domain/errors.ts';
import { offsetAt } from '../time/wall-time-to-utc.ts';

const fixedOffset = /^(?:UTC|GMT|Z)?([+-])(\d{2}):?(\d{2})$/;

/** Minutes east of UTC of a fixed offset (`+01:00`, `-0530`, `UTC`), or undefined for a named zone. */
function fixedOffsetMinutes(zone: string): number | undefined {
  if (zone === 'UTC' || zone === 'Z' || zone === 'GMT') {
    return 0;
  }
  const match = fixedOffset.exec(zone);
  if (!match) {
    return undefined;
  }
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/** `offsetAt`, refusing an unknown zone as VALIDATION_FAILED (path `zone`). */
function knownZoneOffsetAt(zone: string, utcMs: number): number {
  try {
    return offsetAt(zone, utcMs);
  } catch (cause) {
    throw new DomainError('VALIDATION_FAILED', `Unknown time zone "${zone}"`, {
      details: {
        errors: [{ path: 'zone', code: 'ZONE_INVALID', message: `Unknown zone ${zone}` }],
      },
      cause,
    });
  }
}

/** Throws VALIDATION_FAILED (path `zone`) unless `zone` is a fixed offset or a known IANA zone. */
export function assertZone(zone: string): void {
  if (fixedOffsetMinutes(zone) === undefined) {
    knownZoneOffsetAt(zone, 0);
  }
}

/**
 * The UTC instant of a wall-clock time (given as if it were UTC, `wallMs`) read in `zone`.
 * In a DST gap or overlap the earlier offset wins; callers flag the zone they used.
 */
export function wallTimeToUtc(wallMs: number, zone: string): number {
  const fixed = fixedOffsetMinutes(zone);
  if (fixed !== undefined) {
    return wallMs - fixed * 60_000;
  }
  const first = knownZoneOffsetAt(zone, wallMs);
  const guess = wallMs - first * 60_000;
  const second = knownZoneOffsetAt(zone, guess);
  return second === first ? guess : wallMs - second * 60_000;
}
