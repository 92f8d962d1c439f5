import type { KeyInstants } from './incident.ts';

/** The span an import keeps, and where it came from. */
export interface ImportWindow {
  since?: Date;
  until?: Date;
  /** `incident`: around the reviewed incidents' key instants; `given`: chosen by the person. */
  basis: 'incident' | 'given' | 'none';
  /** The earliest key instant: the day a dateless timeline row is read on. */
  anchor?: Date;
}

/** Hours kept on each side of the incidents' key instants when the policy says nothing. */
export const defaultImportWindowHours = 24;

/**
 * The window an import keeps: from `hours` before the earliest key instant of the reviewed
 * incidents to `hours` after the latest (or after the earliest, while the incident is still
 * open). A bound the person gives wins over its side; `hours` 0 or no instants at all keeps
 * everything but what was given.
 */
export function importWindow(
  incidents: ReadonlyArray<{ instants: KeyInstants }>,
  given: { since?: Date | undefined; until?: Date | undefined },
  hours: number = defaultImportWindowHours,
): ImportWindow {
  const instants = incidents
    .flatMap((incident) => Object.values(incident.instants))
    .map((instant) => instant?.at.getTime())
    .filter((ms): ms is number => typeof ms === 'number' && Number.isFinite(ms));
  const earliest = instants.length > 0 ? Math.min(...instants) : undefined;
  const latest = instants.length > 0 ? Math.max(...instants) : undefined;
  const anchor = earliest === undefined ? undefined : new Date(earliest);
  if (hours <= 0 || earliest === undefined || latest === undefined) {
    const basis = given.since || given.until ? 'given' : 'none';
    return { since: given.since, until: given.until, basis, anchor };
  }
  const margin = hours * 3_600_000;
  return {
    since: given.since ?? new Date(earliest - margin),
    until: given.until ?? new Date(latest + margin),
    basis: given.since && given.until ? 'given' : 'incident',
    anchor,
  };
}
