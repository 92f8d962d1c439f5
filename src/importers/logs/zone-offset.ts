import { DomainError } from '../../domain/errors.ts';

const fixedOffset = /^(?:UTC|GMT|Z)?([+-])(\d{2}):?(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

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

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch (cause) {
      throw new DomainError('VALIDATION_FAILED', `Unknown time zone "${zone}"`, {
        details: {
          errors: [{ path: 'zone', code: 'ZONE_INVALID', message: `Unknown zone ${zone}` }],
        },
        cause,
      });
    }
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Offset in minutes of `zone` at the UTC instant `utcMs`. */
function offsetAt(zone: string, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(utcMs))) {
    parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return Math.round((asUtc - (utcMs - (utcMs % 1000))) / 60_000);
}

/** Throws VALIDATION_FAILED (path `zone`) unless `zone` is a fixed offset or a known IANA zone. */
export function assertZone(zone: string): void {
  if (fixedOffsetMinutes(zone) === undefined) {
    formatterFor(zone);
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
  const first = offsetAt(zone, wallMs);
  const guess = wallMs - first * 60_000;
  const second = offsetAt(zone, guess);
  return second === first ? guess : wallMs - second * 60_000;
}
