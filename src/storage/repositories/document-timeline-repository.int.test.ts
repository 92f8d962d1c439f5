import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase } from '../../../test/support/test-database.ts';
import { insertPostmortems, timelineEventRow } from '../../../test/support/timeline-event-rows.ts';
import type { DatabaseHandle } from '../open-database.ts';
import { timelineEvents } from '../schema.ts';
import { documentTimelineRepository } from './document-timeline-repository.ts';

describeEachDatabase('pinning the events a document marked', (kind) => {
  let handle: DatabaseHandle;
  const postmortemId = randomUUID();

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    await insertPostmortems(handle.db, [postmortemId], 'draft', 'Queue backlog');
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('pins only the named events and gives each a new version, as every other edit does', async () => {
    const db = handle.db;
    const row = (i: number) =>
      timelineEventRow(postmortemId, i, {
        occurredAt: new Date(Date.UTC(2026, 10, 20, 9, i)),
        text: `Consumer lag ${i}`,
        source: 'slack',
        externalId: `slack:${i}`,
      });
    const [named, other] = [row(1), row(2)];
    await db.insert(timelineEvents).values([named, other]);
    const versions = async () =>
      new Map(
        (
          await db
            .select({
              id: timelineEvents.id,
              version: timelineEvents.version,
              pinned: timelineEvents.pinned,
            })
            .from(timelineEvents)
            .where(eq(timelineEvents.postmortemId, postmortemId))
        ).map((r) => [r.id, r]),
      );
    const before = await versions();

    expect(
      await documentTimelineRepository.pinByExternalIds(db, postmortemId, 'slack', ['slack:1']),
    ).toBe(1);

    const after = await versions();
    expect(after.get(named.id)).toEqual({
      id: named.id,
      pinned: true,
      version: (before.get(named.id)?.version ?? 0) + 1,
    });
    expect(after.get(other.id)).toEqual(before.get(other.id));
  });
});
