import { formatOffset, regionOfAbbreviation, type Zone } from './zone.ts';

/** A wall-clock reading with no zone: what a person typed into a timeline table. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
}

/** The instant a wall time names in a zone, and what could not be decided. */
export interface ZonedInstant {
  instant: Date;
  /** The offset used, `+01:00`. */
  offset: string;
  ambiguities: Array<{ code: string; message: string }>;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
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
    formatters.set(zone, formatter);
  }
  return formatter;
}

/** Minutes east of UTC that `zone` observes at `utcMs`, read from the runtime's ICU data. */
export function offsetAt(zone: string, utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') {
      parts[part.type] = Number(part.value);
    }
  }
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

function wallAsUtcMs(wall: WallTime): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second ?? 0, 0);
  return date.getTime();
}

/**
 * Converts a wall time in `zone` to UTC. A fixed offset is exact. For an IANA zone every
 * offset the zone used around that day is tried: one match is exact, two (the repeated hour
 * when clocks go back) give the earlier instant plus `DST_OVERLAP`, none (the skipped hour)
 * give the reading with the offset before the change plus `DST_GAP`. Nothing is shifted silently.
 * A seasonal abbreviation used in the other season (`CET` in July) adds `ZONE_SEASON_MISMATCH`.
 */
export function wallTimeToUtc(wall: WallTime, zone: Zone): ZonedInstant {
  const local = wallAsUtcMs(wall);
  if (zone.kind === 'fixed') {
    const ambiguities: ZonedInstant['ambiguities'] = [];
    const region = regionOfAbbreviation(zone.label);
    const instantMs = local - zone.offsetMinutes * 60_000;
    if (region && offsetAt(region, instantMs) !== zone.offsetMinutes) {
      ambiguities.push({
        code: 'ZONE_SEASON_MISMATCH',
        message: `${zone.label} is ${formatOffset(zone.offsetMinutes)}, but ${region} observed ${formatOffset(offsetAt(region, instantMs))} on that date; the instant uses ${zone.label} as written`,
      });
    }
    return { instant: new Date(instantMs), offset: formatOffset(zone.offsetMinutes), ambiguities };
  }
  const candidates = new Set([
    offsetAt(zone.name, local - 86_400_000),
    offsetAt(zone.name, local),
    offsetAt(zone.name, local + 86_400_000),
  ]);
  const matches = [...candidates]
    .filter((offset) => offsetAt(zone.name, local - offset * 60_000) === offset)
    .sort((a, b) => b - a);
  const [first, second] = matches;
  if (first !== undefined && second === undefined) {
    return {
      instant: new Date(local - first * 60_000),
      offset: formatOffset(first),
      ambiguities: [],
    };
  }
  if (first !== undefined && second !== undefined) {
    return {
      instant: new Date(local - first * 60_000),
      offset: formatOffset(first),
      ambiguities: [
        {
          code: 'DST_OVERLAP',
          message: `The clock reading happened twice in ${zone.name} (clocks went back); the earlier instant (${formatOffset(first)}) is used, the later one is ${formatOffset(second)}`,
        },
      ],
    };
  }
  const before = offsetAt(zone.name, local - 86_400_000);
  return {
    instant: new Date(local - before * 60_000),
    offset: formatOffset(before),
    ambiguities: [
      {
        code: 'DST_GAP',
        message: `The clock reading does not exist in ${zone.name} (clocks went forward); it is read with the offset before the change (${formatOffset(before)})`,
      },
    ],
  };
}
