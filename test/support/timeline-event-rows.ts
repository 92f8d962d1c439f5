import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/storage/database.ts';
import { postmortems, type timelineEvents } from '../../src/storage/schema.ts';

// Rows written straight to the tables, for the storage tests that read them back: a postmortem
// to hang events on, and numbered events that differ in every column a reader orders or shows.

/** A timeline event row as inserted, its id chosen up front so that a test can name it. */
export type TimelineEventRow = typeof timelineEvents.$inferInsert & { id: string };

/**
 * The `i`th accepted manual event of `postmortemId`: its own instant (to the millisecond), text
 * and external id, unless `overrides` says otherwise.
 */
export function timelineEventRow(
  postmortemId: string,
  i: number,
  overrides: Partial<typeof timelineEvents.$inferInsert> = {},
): TimelineEventRow {
  return {
    id: randomUUID(),
    postmortemId,
    occurredAt: new Date(Date.UTC(2026, 10, 16, 14, 2, i, 7 * i)),
    text: `Event ${i}`,
    kind: 'observation',
    source: 'manual',
    externalId: `manual:${i}`,
    status: 'accepted',
    ...overrides,
  };
}

/** Inserts a bare postmortem for each id ("Checkout timeouts", an incident's) in `phase`. */
export async function insertPostmortems(
  db: Database,
  ids: readonly string[],
  phase: (typeof postmortems.$inferInsert)['phase'],
  title = 'Checkout timeouts',
): Promise<void> {
  await db.insert(postmortems).values(ids.map((id) => ({ id, title, scope: 'incident', phase })));
}
