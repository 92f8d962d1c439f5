import { and, asc, count, eq, gt, gte, inArray, lte, ne, or, type SQL, sql } from 'drizzle-orm';
import type {
  TimelineEvent,
  TimelineEventKind,
  TimelineEventStatus,
  TimelineSource,
} from '../../domain/timeline-event.ts';
import type { Database } from '../database.ts';
import { timelineEvents } from '../schema.ts';
import { decodeTimelineCursor, encodeTimelineCursor } from './timeline-cursor.ts';

/** Filters of a timeline page. */
export interface TimelineFilters {
  sources?: string[];
  statuses?: TimelineEventStatus[];
  kinds?: TimelineEventKind[];
  pinned?: boolean;
  from?: Date;
  to?: Date;
  /** Only these events. */
  ids?: string[];
}

const toEvent = (row: typeof timelineEvents.$inferSelect): TimelineEvent => ({
  ...row,
  kind: row.kind as TimelineEventKind,
  source: row.source as TimelineSource,
  status: row.status as TimelineEventStatus,
});

function filterConditions(postmortemId: string, filters: TimelineFilters): SQL[] {
  const t = timelineEvents;
  const conditions: SQL[] = [eq(t.postmortemId, postmortemId)];
  if (filters.sources?.length) {
    conditions.push(inArray(t.source, filters.sources));
  }
  if (filters.statuses?.length) {
    conditions.push(inArray(t.status, filters.statuses));
  }
  if (filters.kinds?.length) {
    conditions.push(inArray(t.kind, filters.kinds));
  }
  if (filters.pinned !== undefined) {
    conditions.push(eq(t.pinned, filters.pinned));
  }
  if (filters.from) {
    conditions.push(gte(t.occurredAt, filters.from));
  }
  if (filters.to) {
    conditions.push(lte(t.occurredAt, filters.to));
  }
  if (filters.ids) {
    conditions.push(filters.ids.length ? inArray(t.id, filters.ids) : sql`false`);
  }
  return conditions;
}

/** An imported event as the pipeline writes it. */
export type ImportedTimelineRow = typeof timelineEvents.$inferInsert;

/** Timeline reads and writes beyond one-part CRUD: pages, imports, review, duplicate links. */
export const timelineQueriesRepository = {
  /** One page in timeline order (occurredAt, createdAt, id) with the filtered total. */
  async listPage(
    db: Database,
    postmortemId: string,
    filters: TimelineFilters,
    page: { cursor?: string; limit: number },
  ): Promise<{ items: TimelineEvent[]; nextCursor: string | null; total: number }> {
    const t = timelineEvents;
    const conditions = filterConditions(postmortemId, filters);
    const [totalRow] = await db
      .select({ n: count() })
      .from(t)
      .where(and(...conditions));
    if (page.cursor) {
      const c = decodeTimelineCursor(page.cursor);
      const at = new Date(c.occurredAt);
      const created = new Date(c.createdAt);
      const after = or(
        gt(t.occurredAt, at),
        and(eq(t.occurredAt, at), gt(t.createdAt, created)),
        and(eq(t.occurredAt, at), eq(t.createdAt, created), gt(t.id, c.id)),
      );
      if (after) {
        conditions.push(after);
      }
    }
    const rows = await db
      .select()
      .from(t)
      .where(and(...conditions))
      .orderBy(asc(t.occurredAt), asc(t.createdAt), asc(t.id))
      .limit(page.limit + 1);
    const items = rows.slice(0, page.limit).map(toEvent);
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > page.limit && last ? encodeTimelineCursor(last) : null,
      total: totalRow?.n ?? 0,
    };
  },

  /** The id and version of every event matching the filters, in timeline order. */
  async listVersions(
    db: Database,
    postmortemId: string,
    filters: TimelineFilters,
  ): Promise<{ ids: string[]; versions: number[] }> {
    const t = timelineEvents;
    const rows = await db
      .select({ id: t.id, version: t.version })
      .from(t)
      .where(and(...filterConditions(postmortemId, filters)))
      .orderBy(asc(t.occurredAt), asc(t.createdAt), asc(t.id));
    return { ids: rows.map((r) => r.id), versions: rows.map((r) => r.version) };
  },

  /** Inserts imported events, skipping any whose (source, external id) is already there. */
  async insertImported(db: Database, rows: ImportedTimelineRow[]): Promise<string[]> {
    if (rows.length === 0) {
      return [];
    }
    const inserted = await db
      .insert(timelineEvents)
      .values(rows)
      .onConflictDoNothing({
        target: [timelineEvents.postmortemId, timelineEvents.source, timelineEvents.externalId],
      })
      .returning({ id: timelineEvents.id });
    return inserted.map((r) => r.id);
  },

  /** Sets the review status of many events of one postmortem; returns how many changed. */
  async review(
    db: Database,
    postmortemId: string,
    ids: string[],
    status: TimelineEventStatus,
  ): Promise<number> {
    const t = timelineEvents;
    const changed = await db
      .update(t)
      .set({ status, version: sql`${t.version} + 1` })
      .where(and(eq(t.postmortemId, postmortemId), inArray(t.id, ids), ne(t.status, status)))
      .returning({ id: t.id });
    return changed.length;
  },

  /** The ids among `ids` that are not events of this postmortem. */
  async findForeignIds(db: Database, postmortemId: string, ids: string[]): Promise<string[]> {
    const t = timelineEvents;
    const found = await db
      .select({ id: t.id })
      .from(t)
      .where(and(eq(t.postmortemId, postmortemId), inArray(t.id, ids)));
    const known = new Set(found.map((r) => r.id));
    return ids.filter((id) => !known.has(id));
  },

  async listAccepted(db: Database, postmortemId: string): Promise<TimelineEvent[]> {
    const t = timelineEvents;
    const rows = await db
      .select()
      .from(t)
      .where(and(eq(t.postmortemId, postmortemId), eq(t.status, 'accepted')))
      .orderBy(asc(t.occurredAt), asc(t.createdAt), asc(t.id));
    return rows.map(toEvent);
  },

  async countForPostmortem(db: Database, postmortemId: string): Promise<number> {
    const [row] = await db
      .select({ n: count() })
      .from(timelineEvents)
      .where(eq(timelineEvents.postmortemId, postmortemId));
    return row?.n ?? 0;
  },
};
