import type { ImportedEvent } from '../imported-event.ts';
import { ambiguity } from '../time/ambiguity-codes.ts';
import type { findZoneInProse } from '../time/find-zone-in-prose.ts';
import type { Zone } from '../time/zone.ts';
import type { TimelineRow } from './scan-timeline.ts';

type Ambiguities = ImportedEvent['ambiguities'];

/** FNV-1a over the entry's words: the identity survives lines moving around the document. */
export function contentHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The zone used for a row and what had to be assumed. */
export interface ZoneChoice {
  zone: Zone;
  ambiguities: Ambiguities;
  known: boolean;
}

/**
 * The zone a row is read in: written in the cell, in the table header or in the heading of its
 * timeline section, chosen by the user,
 * stated in prose, in that order; prose, conflicts and no zone at all become ambiguities.
 */
export function chooseZone(
  row: TimelineRow,
  userZone: Zone | undefined,
  prose: ReturnType<typeof findZoneInProse>,
): ZoneChoice {
  const written =
    (row.reading.kind === 'time' || row.reading.kind === 'datetime'
      ? row.reading.zone
      : undefined) ??
    row.headerZone ??
    row.sectionZone;
  if (written) {
    return { zone: written, ambiguities: [], known: true };
  }
  if (userZone) {
    const conflict =
      prose && prose.zone.label !== userZone.label
        ? [
            ambiguity(
              'ZONE_CONFLICT',
              `Read in ${userZone.label} as chosen, but line ${prose.line} says "${prose.text}"`,
            ),
          ]
        : [];
    return { zone: userZone, ambiguities: conflict, known: true };
  }
  if (prose) {
    return {
      zone: prose.zone,
      ambiguities: [
        ambiguity(
          'ZONE_FROM_PROSE',
          `Zone ${prose.zone.label} read from line ${prose.line}: "${prose.text}"`,
        ),
      ],
      known: true,
    };
  }
  return {
    zone: { kind: 'fixed', offsetMinutes: 0, label: 'UTC' },
    ambiguities: [ambiguity('ZONE_UNKNOWN', 'No zone is stated anywhere; the instant assumes UTC')],
    known: false,
  };
}
