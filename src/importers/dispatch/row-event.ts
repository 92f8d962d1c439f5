import type { TimelineEventKind } from '../../domain/timeline-event.ts';
import { fieldError } from '../alertmanager/payload-text.ts';
import type { ImportedEvent } from '../imported-event.ts';
import { parseNaiveUtc } from './naive-timestamp.ts';
import type { DispatchRow } from './payload-schema.ts';

/** Where a row sits: file, table and index, for errors and raw references. */
export interface RowPlace {
  fileName: string;
  table: string;
  index: number;
  rowCount: number;
}

/** A required column's text; VALIDATION_FAILED naming the cell when it is missing or empty. */
export function requireColumn(row: DispatchRow, column: string, place: RowPlace): string {
  const value = row[column];
  if (value === null || value === undefined || value === '') {
    throw fieldError(place.fileName, `/rows/${place.index}/${column}`, 'missing', 'required');
  }
  return value;
}

/**
 * The event a row's timestamp column states, or null when the column is empty. Naive
 * timestamps are read as UTC (Dispatch stores UTC); `details.zoneAssumed` says so.
 */
export function rowEvent(
  row: DispatchRow,
  place: RowPlace,
  what: { column: string; key: string; kind: TimelineEventKind; text: string },
  extra: { actor: string | null; sourceRef: string; details: Record<string, unknown> },
): ImportedEvent | null {
  const text = row[what.column];
  if (text === null || text === undefined) {
    return null;
  }
  const instant = parseNaiveUtc(text);
  if (instant === null) {
    throw fieldError(
      place.fileName,
      `/rows/${place.index}/${what.column}`,
      'invalid_timestamp',
      `not a timestamp: ${text.slice(0, 40)}`,
    );
  }
  const id = requireColumn(row, 'id', place);
  return {
    externalId: `dispatch:${place.table}:${id}${what.key ? `:${what.key}` : ''}`,
    occurredAt: instant.at,
    originalTimestamp: instant.original,
    originalZone: 'UTC',
    text: what.text,
    kind: what.kind,
    actor: extra.actor,
    sourceRef: extra.sourceRef,
    rawRef: `${place.fileName}#/rows/${place.index}`,
    details: {
      ...extra.details,
      table: place.table,
      column: what.column,
      micros: instant.micros,
      zoneAssumed: 'UTC',
    },
    ambiguities: [],
  };
}
