import { and, asc, count, eq, type SQL, sql } from 'drizzle-orm';
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
import { presentedColumns, readJsonText } from './rows-as-json.ts';

/** A participant row as the domain's participant. */
export function toParticipant(row: typeof participants.$inferSelect): Participant {
  return { ...row, role: row.role as ParticipantRole };
}

/** Participants of a postmortem. */
export const participantsRepository = createPartRepository(
  participants,
  'Participant',
  toParticipant,
);

/** Contributing factors of a postmortem. */
export const factorsRepository = createPartRepository(
  contributingFactors,
  'Contributing factor',
  (row): ContributingFactor => ({ ...row }),
);

/** An action-item row as the domain's action item. */
export function toActionItem(row: typeof actionItems.$inferSelect): ActionItem {
  return {
    ...row,
    kind: row.kind as ActionItemKind,
    status: row.status as ActionItemStatus,
    priority: row.priority as ActionItemPriority,
  };
}

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

/** The events of a postmortem as presented, in timeline order, as a sub-select named `e`. */
const presentedEvents = (postmortemId: string) =>
  // json_agg takes the rows in the sub-select's order (a sort below a plain aggregate).
  sql`(select ${presentedColumns(timelineEvents)} from ${timelineEvents} where ${eq(timelineEvents.postmortemId, postmortemId)} order by ${timelineEvents.occurredAt}, ${timelineEvents.createdAt}, ${timelineEvents.id}) e`;

/**
 * The timeline of a postmortem as the JSON text the API presents (`listJsonForPostmortem`), as
 * an expression, for a statement that reads it together with other things.
 */
export const timelineJsonOf = (postmortemId: string): SQL =>
  sql`(select coalesce(json_agg(e), '[]'::json)::text from ${presentedEvents(postmortemId)})`;

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
  /**
   * The same events as `listForPostmortem`, as the JSON array the API presents, built by the
   * database: a 2,000-event timeline is one text value to read instead of 40,000 fields to
   * decode, map to objects and serialise again. With `abilities`, each event is wrapped as a
   * part (`{ data, abilities }`) in a list page (`{ data, page }`).
   */
  async listJsonForPostmortem(
    db: Database,
    postmortemId: string,
    options: { abilities?: { update: boolean; remove: boolean } } = {},
  ): Promise<string> {
    if (!options.abilities) {
      return readJsonText(db, sql`select ${timelineJsonOf(postmortemId)}`);
    }
    const events = presentedEvents(postmortemId);
    const { update, remove } = options.abilities;
    const part = sql`json_build_object('data', e, 'abilities', json_build_object('update', ${update}::boolean, 'remove', ${remove}::boolean))`;
    return readJsonText(
      db,
      sql`select json_build_object('data', coalesce(json_agg(${part}), '[]'::json), 'page', json_build_object('nextCursor', null, 'total', count(*)))::text from ${events}`,
    );
  },
  /** Id, text and status of each event: all the linter and the guards read of a timeline. */
  async listTextsForPostmortem(
    db: Database,
    postmortemId: string,
  ): Promise<Array<Pick<TimelineEvent, 'id' | 'text' | 'status'>>> {
    const rows = await db
      .select({ id: timelineEvents.id, text: timelineEvents.text, status: timelineEvents.status })
      .from(timelineEvents)
      .where(eq(timelineEvents.postmortemId, postmortemId))
      .orderBy(
        asc(timelineEvents.occurredAt),
        asc(timelineEvents.createdAt),
        asc(timelineEvents.id),
      );
    return rows.map((row) => ({ ...row, status: row.status as TimelineEventStatus }));
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
