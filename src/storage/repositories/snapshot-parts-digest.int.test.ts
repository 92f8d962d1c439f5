import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  at,
  type SnapshotPartsScene,
  seedSnapshotParts,
} from '../../../test/support/snapshot-parts-scene.ts';
import { describeEachDatabase, openTestDatabase } from '../../../test/support/test-database.ts';
import type { DatabaseHandle } from '../open-database.ts';
import { timelineEvents } from '../schema.ts';
import { readSnapshotParts, readTimelineTexts } from './snapshot-parts-repository.ts';

// The linter's findings are kept by this digest, so it must change with every text the linter
// reads, and only then.
describeEachDatabase("the snapshot's timeline texts digest", (kind) => {
  let handle: DatabaseHandle;
  let scene: SnapshotPartsScene;

  beforeAll(async () => {
    handle = await openTestDatabase(kind);
    scene = await seedSnapshotParts(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('changes the timeline texts digest with a text, a rejection or the order, not otherwise', async () => {
    const { db } = handle;
    const { postmortemId, incidentIds, eventIds } = scene;
    const digest = async () =>
      (await readSnapshotParts(db, { id: postmortemId, incidentIds })).parts.timelineTextsDigest;
    const seen = [await digest()];
    const expectNew = async () => {
      const next = await digest();
      expect(seen).not.toContain(next);
      expect((await readTimelineTexts(db, postmortemId)).digest).toBe(next);
      seen.push(next);
    };
    const event = (i: number) => eq(timelineEvents.id, eventIds[i] ?? '');
    await db.update(timelineEvents).set({ pinned: true, actor: 'Ada' }).where(event(0));
    expect(await digest()).toBe(seen[0]);
    await db.update(timelineEvents).set({ text: 'Bob deployed the bad config.' }).where(event(0));
    await expectNew();
    await db.update(timelineEvents).set({ status: 'rejected' }).where(event(1));
    await expectNew();
    await db.update(timelineEvents).set({ status: 'proposed' }).where(event(2));
    await expectNew();
    // Two events trade places: the same texts in another order.
    await db
      .update(timelineEvents)
      .set({ occurredAt: at(50) })
      .where(event(3));
    await expectNew();
  });
});
