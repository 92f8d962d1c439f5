import { DomainError } from '../../domain/errors.ts';

/** A zone a timestamp is read in: a fixed UTC offset, or an IANA zone with its DST rules. */
export type Zone =
  | { kind: 'fixed'; offsetMinutes: number; label: string }
  | { kind: 'iana'; name: string; label: string };

/**
 * Abbreviations seen in real postmortems. Each means one fixed offset as written: `CET` is
 * +01:00 even in summer, and a season mismatch is surfaced by `seasonHint`, never corrected.
 * `IST` is India (the fixtures' use); Irish/Israel time would need the IANA name.
 */
const abbreviations: Record<string, { offsetMinutes: number; region?: string }> = {
  UTC: { offsetMinutes: 0 },
  GMT: { offsetMinutes: 0 },
  Z: { offsetMinutes: 0 },
  CET: { offsetMinutes: 60, region: 'Europe/Berlin' },
  CEST: { offsetMinutes: 120, region: 'Europe/Berlin' },
  BST: { offsetMinutes: 60, region: 'Europe/London' },
  EET: { offsetMinutes: 120, region: 'Europe/Helsinki' },
  EEST: { offsetMinutes: 180, region: 'Europe/Helsinki' },
  IST: { offsetMinutes: 330 },
  PST: { offsetMinutes: -480, region: 'America/Los_Angeles' },
  PDT: { offsetMinutes: -420, region: 'America/Los_Angeles' },
  MST: { offsetMinutes: -420, region: 'America/Denver' },
  MDT: { offsetMinutes: -360, region: 'America/Denver' },
  CST: { offsetMinutes: -360, region: 'America/Chicago' },
  CDT: { offsetMinutes: -300, region: 'America/Chicago' },
  EST: { offsetMinutes: -300, region: 'America/New_York' },
  EDT: { offsetMinutes: -240, region: 'America/New_York' },
};

/** The abbreviations `parseZone` knows, longest first (so `CEST` wins over `CET`). */
export const knownZoneAbbreviations: readonly string[] = Object.keys(abbreviations).sort(
  (a, b) => b.length - a.length,
);

const offsetPattern = /^(?:UTC|GMT)?\s*([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?$/i;

/** Formats minutes east of UTC as `+01:00`. */
export function formatOffset(offsetMinutes: number): string {
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hours = String(Math.floor(abs / 60)).padStart(2, '0');
  const minutes = String(abs % 60).padStart(2, '0');
  return `${sign}${hours}:${minutes}`;
}

/** True when the runtime's ICU knows `name` as a time zone. */
export function isIanaZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) {
    return false;
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a zone as a person or a document wrote it: `UTC`, `CET`, `PDT`, `UTC+1`, `+05:30`,
 * `Europe/Copenhagen`. Returns `undefined` when it is none of these.
 */
export function findZone(text: string): Zone | undefined {
  const trimmed = text.trim();
  const upper = trimmed.toUpperCase();
  const known = abbreviations[upper];
  if (known) {
    return { kind: 'fixed', offsetMinutes: known.offsetMinutes, label: upper };
  }
  const offset = offsetPattern.exec(trimmed);
  if (offset) {
    const hours = Number(offset[2]);
    const minutes = Number(offset[3] ?? '0');
    if (hours > 14 || minutes > 59) {
      return undefined;
    }
    const sign = offset[1] === '+' ? 1 : -1;
    const offsetMinutes = sign * (hours * 60 + minutes);
    return { kind: 'fixed', offsetMinutes, label: formatOffset(offsetMinutes) };
  }
  if (trimmed.includes('/') && isIanaZone(trimmed)) {
    return { kind: 'iana', name: trimmed, label: trimmed };
  }
  return undefined;
}

/** Like `findZone`, but an unreadable zone is a VALIDATION_FAILED naming `field`. */
export function parseZone(text: string, field = 'zone'): Zone {
  const zone = findZone(text);
  if (!zone) {
    throw new DomainError('VALIDATION_FAILED', `Unknown time zone "${text}"`, {
      details: {
        errors: [
          {
            path: field,
            code: 'unknown_zone',
            message: `"${text}" is not an IANA zone, a UTC offset or a known abbreviation`,
          },
        ],
      },
    });
  }
  return zone;
}

/**
 * For a seasonal abbreviation (`CET`, `PST`, …): the region whose clocks it names, so that a
 * caller can tell when the date falls in the other season (e.g. "CET" written in July).
 */
export function regionOfAbbreviation(label: string): string | undefined {
  return abbreviations[label]?.region;
}
