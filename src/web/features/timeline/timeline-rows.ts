import { skewedInstant } from '../../../domain/timeline-rules.ts';
import type { TimelineEvent } from '../../api/parts-api.ts';
import {
  type ClockSkew,
  matchesFilters,
  type ReviewEvent,
  type TimelineFilters,
} from '../../api/timeline-api.ts';
import type { Abilities } from '../../lib/abilities.ts';

/** One row of the timeline as the review table keeps it. */
export interface TimelineRow {
  data: ReviewEvent;
  abilities: Abilities;
}

/**
 * The rows of `next`, reusing each row of `previous` that did not change (same id, same
 * content), so that memoised rows skip rendering after a reload.
 */
export function keepUnchangedRows(
  previous: readonly TimelineRow[],
  next: readonly TimelineRow[],
): TimelineRow[] {
  const known = new Map(previous.map((row) => [row.data.id, row]));
  return next.map((row) => {
    const old = known.get(row.data.id);
    return old && JSON.stringify(old) === JSON.stringify(row) ? old : row;
  });
}

/** The server's timeline order: instant, then creation, then id. */
function comesBefore(a: ReviewEvent, b: ReviewEvent): boolean {
  const at = Date.parse(a.occurredAt) - Date.parse(b.occurredAt);
  if (at !== 0) {
    return at < 0;
  }
  const created = Date.parse(a.createdAt) - Date.parse(b.createdAt);
  return created !== 0 ? created < 0 : a.id < b.id;
}

/**
 * The rows after one event was saved: its row replaced (and moved if its instant changed),
 * or dropped when it no longer matches the filters; every other row stays the same object.
 */
export function applySavedEvent(
  rows: readonly TimelineRow[],
  saved: TimelineEvent,
  skews: readonly ClockSkew[],
  filters: TimelineFilters,
): TimelineRow[] {
  const index = rows.findIndex((row) => row.data.id === saved.id);
  const current = rows[index];
  if (!current) {
    return [...rows];
  }
  const skewed = skewedInstant(
    { source: saved.source, occurredAt: new Date(saved.occurredAt) },
    skews,
  );
  const data: ReviewEvent = {
    ...saved,
    ...(skewed ? { skewedOccurredAt: skewed.toISOString() } : {}),
  };
  const rest = [...rows.slice(0, index), ...rows.slice(index + 1)];
  if (!matchesFilters(data, filters)) {
    return rest;
  }
  const row = { data, abilities: current.abilities };
  if (data.occurredAt === current.data.occurredAt) {
    rest.splice(index, 0, row);
    return rest;
  }
  const at = rest.findIndex((other) => comesBefore(data, other.data));
  rest.splice(at === -1 ? rest.length : at, 0, row);
  return rest;
}
