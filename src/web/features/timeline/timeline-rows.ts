import { skewedInstant } from '../../../domain/timeline-rules.ts';
import type { TimelineEvent } from '../../api/parts-api.ts';
import {
  type ClockSkew,
  matchesFilters,
  type ReviewEvent,
  type TimelineFilters,
  type TimelineVersions,
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

/**
 * `rows` with the next page after them. A row of the page already among `rows` (saved with a
 * later instant before its page came) is taken from the page, where the server placed it.
 */
export function appendPage(
  rows: readonly TimelineRow[],
  page: readonly TimelineRow[],
): TimelineRow[] {
  const incoming = new Set(page.map((row) => row.data.id));
  const kept = rows.some((row) => incoming.has(row.data.id))
    ? rows.filter((row) => !incoming.has(row.data.id))
    : rows;
  return [...kept, ...page];
}

/**
 * What to read after a change, comparing the rows held with the timeline's versions: the ids
 * whose row is missing or older (and the rows that pointed at a deleted original, whose link
 * the database cleared), or `null` when reading everything again is the answer — the skews
 * or the abilities every row carries changed, or more rows changed than `most`.
 */
export function idsToRead(
  rows: readonly TimelineRow[],
  skews: readonly ClockSkew[],
  now: TimelineVersions,
  most: number,
): string[] | null {
  const first = rows[0];
  if (
    JSON.stringify(skews) !== JSON.stringify(now.skews) ||
    (first && JSON.stringify(first.abilities) !== JSON.stringify(now.abilities))
  ) {
    return null;
  }
  const held = new Map(rows.map((row) => [row.data.id, row.data.version]));
  const ids = now.data.ids.filter((id, index) => held.get(id) !== now.data.versions[index]);
  const listed = new Set(now.data.ids);
  const gone = new Set(rows.flatMap((row) => (listed.has(row.data.id) ? [] : [row.data.id])));
  if (gone.size > 0) {
    const changed = new Set(ids);
    for (const row of rows) {
      const original = row.data.duplicateOfId;
      if (original && gone.has(original) && listed.has(row.data.id) && !changed.has(row.data.id)) {
        ids.push(row.data.id);
      }
    }
  }
  return ids.length > most ? null : ids;
}

/**
 * The rows in the order of `now`: each read one, else the row held (same version), reused as
 * it was; `rows` itself when nothing moved, and `null` when a row is neither read nor held as
 * listed (it changed again meanwhile: read everything).
 */
export function mergeRead(
  rows: readonly TimelineRow[],
  now: TimelineVersions,
  read: readonly TimelineRow[],
): readonly TimelineRow[] | null {
  const held = new Map(rows.map((row) => [row.data.id, row]));
  const fresh = new Map(read.map((row) => [row.data.id, row]));
  const merged: TimelineRow[] = [];
  for (const [index, id] of now.data.ids.entries()) {
    const old = held.get(id);
    const row = fresh.get(id) ?? (old?.data.version === now.data.versions[index] ? old : undefined);
    if (!row) {
      return null;
    }
    merged.push(row);
  }
  const same = merged.length === rows.length && merged.every((row, index) => row === rows[index]);
  return same ? rows : merged;
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
