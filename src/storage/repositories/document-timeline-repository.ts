import { and, eq, inArray, sql } from 'drizzle-orm';
import type { TimelineSource } from '../../domain/timeline-event.ts';
import type { Database } from '../database.ts';
import { timelineEvents } from '../schema.ts';

/** Timeline writes that only a document import needs. */
export const documentTimelineRepository = {
  /**
   * Pins the events a document marked as pinned, found by their (source, external id). Each
   * pinned event gets a new version, as any edit does: a reader that compares versions (the web
   * timeline's refresh, `If-Match`) must see the change.
   */
  async pinByExternalIds(
    db: Database,
    postmortemId: string,
    source: TimelineSource,
    externalIds: string[],
  ): Promise<number> {
    if (externalIds.length === 0) {
      return 0;
    }
    const rows = await db
      .update(timelineEvents)
      .set({ pinned: true, version: sql`${timelineEvents.version} + 1` })
      .where(
        and(
          eq(timelineEvents.postmortemId, postmortemId),
          eq(timelineEvents.source, source),
          inArray(timelineEvents.externalId, externalIds),
        ),
      )
      .returning({ id: timelineEvents.id });
    return rows.length;
  },
};
