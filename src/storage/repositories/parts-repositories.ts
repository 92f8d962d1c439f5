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
import { readJsonText } from './rows-as-json.ts';

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

/**
 * `string_agg` of the presented JSON of each event (`presented_json`, kept by a trigger with
 * every write; see migration 0021) in timeline order, `separator` between events: the database
 * only concatenates text that is ready. Null over no rows.
 */
const joinedEvents = (separator: string): SQL =>
  sql`string_agg(presented_json, ${separator} order by ${timelineEvents.occurredAt}, ${timelineEvents.createdAt}, ${timelineEvents.id})`;

/** The timeline of a postmortem as the JSON text the API presents, as an expression. */
const timelineJsonOf = (postmortemId: string): SQL =>
  sql`(select coalesce('[' || ${joinedEvents(',')} || ']', '[]') from ${timelineEvents} where ${eq(timelineEvents.postmortemId, postmortemId)})`;

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
    const { update, remove } = options.abilities;
    // Each event becomes `{"data":<event>,"abilities":…}`: the abilities close one part and
    // open the next in the separator, so no row is concatenated on its own.
    const abilities = `,"abilities":${JSON.stringify({ update, remove })}}`;
    return readJsonText(
      db,
      sql`select '{"data":' || coalesce('[{"data":' || ${joinedEvents(`${abilities},{"data":`)} || ${abilities} || ']', '[]') || ',"page":{"nextCursor":null,"total":' || count(*) || '}}' from ${timelineEvents} where ${eq(timelineEvents.postmortemId, postmortemId)}`,
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
