import { and, asc, count, eq } from 'drizzle-orm';
import type {
  ActionItem,
  ActionItemKind,
  ActionItemPriority,
  ActionItemStatus,
} from '../../domain/action-item.ts';
import type { ContributingFactor } from '../../domain/contributing-factor.ts';
import type { Participant, ParticipantRole } from '../../domain/participant.ts';
import type {
  TimelineEvent,
  TimelineEventKind,
  TimelineEventStatus,
  TimelineSource,
} from '../../domain/timeline-event.ts';
import type { Database } from '../database.ts';
import {
  actionItems,
  contributingFactors,
  findingWaivers,
  participants,
  timelineEvents,
} from '../schema.ts';
import { createPartRepository } from './part-repository.ts';

/** Participants of a postmortem. */
export const participantsRepository = createPartRepository(
  participants,
  'Participant',
  (row): Participant => ({ ...row, role: row.role as ParticipantRole }),
);

/** Contributing factors of a postmortem. */
export const factorsRepository = createPartRepository(
  contributingFactors,
  'Contributing factor',
  (row): ContributingFactor => ({ ...row }),
);

const toActionItem = (row: typeof actionItems.$inferSelect): ActionItem => ({
  ...row,
  kind: row.kind as ActionItemKind,
  status: row.status as ActionItemStatus,
  priority: row.priority as ActionItemPriority,
});

const actionItemsBase = createPartRepository(actionItems, 'Action item', toActionItem);

/** Action items of a postmortem (ideas included; `listCommitted` leaves them out). */
export const actionItemsRepository = {
  ...actionItemsBase,
  /** The items following a tracker issue (`github:owner/repo#12`, `jira:OPS-7`). */
  async listByTrackerKey(db: Database, trackerKey: string): Promise<ActionItem[]> {
    const rows = await db.select().from(actionItems).where(eq(actionItems.trackerKey, trackerKey));
    return rows.map(toActionItem);
  },
  /** The items the guards and detectors judge: every item that is not an idea. */
  async listCommitted(db: Database, postmortemId: string): Promise<ActionItem[]> {
    return (await actionItemsBase.listForPostmortem(db, postmortemId)).filter((i) => !i.isIdea);
  },
};

const toTimelineEvent = (row: typeof timelineEvents.$inferSelect): TimelineEvent => ({
  ...row,
  kind: row.kind as TimelineEventKind,
  source: row.source as TimelineSource,
  status: row.status as TimelineEventStatus,
});

const timelineBase = createPartRepository(timelineEvents, 'Timeline event', toTimelineEvent);

/** Timeline events of a postmortem, in timeline order. */
export const timelineRepository = {
  ...timelineBase,
  async listForPostmortem(db: Database, postmortemId: string): Promise<TimelineEvent[]> {
    const rows = await db
      .select()
      .from(timelineEvents)
      .where(eq(timelineEvents.postmortemId, postmortemId))
      .orderBy(
        asc(timelineEvents.occurredAt),
        asc(timelineEvents.createdAt),
        asc(timelineEvents.id),
      );
    return rows.map(toTimelineEvent);
  },
  async countAccepted(db: Database, postmortemId: string): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(timelineEvents)
      .where(
        and(eq(timelineEvents.postmortemId, postmortemId), eq(timelineEvents.status, 'accepted')),
      );
    return row?.n ?? 0;
  },
};

/** Waivers of blameless findings. */
export const waiversRepository = {
  async listForPostmortem(db: Database, postmortemId: string) {
    return db.select().from(findingWaivers).where(eq(findingWaivers.postmortemId, postmortemId));
  },
  async upsert(db: Database, waiver: typeof findingWaivers.$inferInsert): Promise<void> {
    await db
      .insert(findingWaivers)
      .values(waiver)
      .onConflictDoUpdate({
        target: [findingWaivers.postmortemId, findingWaivers.findingKey],
        set: { reason: waiver.reason, waivedById: waiver.waivedById, createdAt: waiver.createdAt },
      });
  },
};
