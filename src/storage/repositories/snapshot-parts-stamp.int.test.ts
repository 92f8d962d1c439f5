import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  at,
  type SnapshotPartsScene,
  seedSnapshotParts,
} from '../../../test/support/snapshot-parts-scene.ts';
import { describeEachDatabase, openTestDatabase } from '../../../test/support/test-database.ts';
import type { DatabaseHandle } from '../open-database.ts';
import { postmortems, timelineEvents, timelineStamps } from '../schema.ts';
import { readSnapshotParts, readTimelineTexts } from './snapshot-parts-repository.ts';

// The linter's findings are kept by the stamp, so it must change with every statement that
// writes the timeline, whatever it writes, and never come back.
describeEachDatabase("the snapshot's timeline stamp", (kind) => {
  let handle: DatabaseHandle;
  let scene: SnapshotPartsScene;

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    scene = await seedSnapshotParts(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  const newEvent = (postmortemId: string, minute: number) => ({
    id: randomUUID(),
    postmortemId,
    occurredAt: at(minute),
    text: 'Checkout recovered.',
    kind: 'observation',
    source: 'manual',
    externalId: `manual:${randomUUID()}`,
    status: 'accepted',
  });

  it('is new after every statement that writes the timeline, none kept from a rollback', async () => {
    const { db } = handle;
    const { postmortemId, incidentIds, eventIds, emptyId } = scene;
    const stampOf = async (id: string) =>
      (await readSnapshotParts(db, { id, incidentIds })).parts.timelineStamp;
    const seen = [await stampOf(postmortemId)];
    expect(seen[0]).toMatch(/^[0-9a-f-]{36}$/);
    const expectNew = async () => {
      const next = await stampOf(postmortemId);
      expect(seen).not.toContain(next);
      expect((await readTimelineTexts(db, postmortemId)).stamp).toBe(next);
      seen.push(next);
    };
    const event = (i: number) => eq(timelineEvents.id, eventIds[i] ?? '');
    await db.update(timelineEvents).set({ text: 'Bob deployed the bad config.' }).where(event(0));
    await expectNew();
    await db.update(timelineEvents).set({ status: 'rejected' }).where(event(1));
    await expectNew();
    // Even a write the linter does not read: the stamp says "written", not "texts differ".
    await db.update(timelineEvents).set({ pinned: true }).where(event(0));
    await expectNew();
    // Two events trade places: the same texts in another order.
    await db
      .update(timelineEvents)
      .set({ occurredAt: at(50) })
      .where(event(3));
    await expectNew();
    const added = newEvent(postmortemId, 60);
    await db.insert(timelineEvents).values(added);
    await expectNew();
    // A statement that matches no row writes nothing.
    await db
      .update(timelineEvents)
      .set({ pinned: true })
      .where(eq(timelineEvents.id, randomUUID()));
    expect(await stampOf(postmortemId)).toBe(seen.at(-1));
    // Rolled back: the stamp the transaction saw goes with its change, never to stand again.
    let inside: string | null = null;
    await db
      .transaction(async (tx) => {
        await tx.update(timelineEvents).set({ text: 'Rolled back.' }).where(event(0));
        inside = (await readSnapshotParts(tx, { id: postmortemId, incidentIds })).parts
          .timelineStamp;
        tx.rollback();
      })
      .catch(() => undefined);
    expect(inside).not.toBeNull();
    expect(seen).not.toContain(inside);
    expect(await stampOf(postmortemId)).toBe(seen.at(-1));
    // An event moved to another postmortem changes both timelines.
    await db
      .update(timelineEvents)
      .set({ postmortemId: emptyId })
      .where(eq(timelineEvents.id, added.id));
    await expectNew();
    const movedTo = await stampOf(emptyId);
    expect(movedTo).not.toBeNull();
    expect(seen).not.toContain(movedTo);
    await db.delete(timelineEvents).where(eq(timelineEvents.id, added.id));
    expect(await stampOf(emptyId)).not.toBe(movedTo);
  });

  it("goes with a deleted postmortem, whose events' deletion stamps nothing", async () => {
    const { db } = handle;
    const { emptyId } = scene;
    await db.insert(timelineEvents).values(newEvent(emptyId, 61));
    await db.delete(postmortems).where(eq(postmortems.id, emptyId));
    expect(
      await db.select().from(timelineStamps).where(eq(timelineStamps.postmortemId, emptyId)),
    ).toEqual([]);
  });
});
