import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase } from '../../../test/support/test-database.ts';
import { insertPostmortems, timelineEventRow } from '../../../test/support/timeline-event-rows.ts';
import type { DatabaseHandle } from '../open-database.ts';
import { timelineEvents } from '../schema.ts';
import { timelineRepository } from './parts-repositories.ts';

/** What the API presents for rows read as objects: every Date as `toISOString()`. */
const presented = (value: unknown) => JSON.parse(JSON.stringify(value));

describeEachDatabase('timeline events as JSON built by the database', (kind) => {
  let handle: DatabaseHandle;
  const postmortemId = randomUUID();
  const emptyId = randomUUID();

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    await insertPostmortems(handle.db, [postmortemId, emptyId], 'data_gathering');
    const event = (i: number, extra: Partial<typeof timelineEvents.$inferInsert> = {}) =>
      timelineEventRow(postmortemId, i, extra);
    const first = event(1, {
      text: 'Quotes " and \\ backslash, a tab\there, a new line\nand “Zoë” 王伟 😀 \u0001',
      details: { thread: 'C01/1700000000.000100', burst: { count: 3, sample: ['a', 'b'] } },
      ambiguities: [{ code: 'DATE_MISSING', message: 'No date; taken from the file name' }],
      actor: 'Søren',
      sourceRef: 'slack:C01',
      originalTimestamp: '1700000000.000100',
      originalZone: 'Europe/Copenhagen',
      rawRef: 'general/2026-11-16.json:12',
      pinned: true,
      kind: 'action',
      source: 'slack',
    });
    await handle.db
      .insert(timelineEvents)
      .values([
        first,
        event(2, { duplicateOfId: first.id, status: 'rejected', importId: randomUUID() }),
        event(0, { occurredAt: new Date('1999-12-31T23:59:59.999Z') }),
        ...Array.from({ length: 30 }, (_, i) => event(10 + i)),
      ]);
    // Microseconds, as now() stores them: the API shows milliseconds, truncated like Date.
    await handle.db.execute(
      sql`update timeline_events set created_at = created_at + interval '999 microseconds'`,
    );
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('equals the rows read as objects and presented, key for key and in order', async () => {
    const rows = await timelineRepository.listForPostmortem(handle.db, postmortemId);
    const json = await timelineRepository.listJsonForPostmortem(handle.db, postmortemId);
    expect(rows).toHaveLength(33);
    expect(JSON.stringify(JSON.parse(json))).toBe(JSON.stringify(presented(rows)));
  });

  it('wraps each event as a part in a list page when asked', async () => {
    const rows = await timelineRepository.listForPostmortem(handle.db, postmortemId);
    const json = await timelineRepository.listJsonForPostmortem(handle.db, postmortemId, {
      abilities: { update: false, remove: false },
    });
    expect(JSON.stringify(JSON.parse(json))).toBe(
      JSON.stringify({
        data: presented(rows).map((data: unknown) => ({
          data,
          abilities: { update: false, remove: false },
        })),
        page: { nextCursor: null, total: 33 },
      }),
    );
  });

  it('gives an empty list for a postmortem without events', async () => {
    expect(JSON.parse(await timelineRepository.listJsonForPostmortem(handle.db, emptyId))).toEqual(
      [],
    );
    expect(
      JSON.parse(
        await timelineRepository.listJsonForPostmortem(handle.db, emptyId, {
          abilities: { update: true, remove: true },
        }),
      ),
    ).toEqual({ data: [], page: { nextCursor: null, total: 0 } });
  });
});
