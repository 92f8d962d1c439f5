import { and, asc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { TimelineEventKind, TimelineSource } from '../../domain/timeline-event.ts';
import type { Database } from '../database.ts';
import { timelineEvents } from '../schema.ts';

/** Where a page of linkable keys starts: after this event in timeline order. */
export interface LinkableKeyCursor {
  occurredAt: Date;
  createdAt: Date;
  id: string;
}

/** An event as the candidate sweep reads it: no text. */
export interface LinkableKey extends LinkableKeyCursor {
  kind: TimelineEventKind;
  source: TimelineSource;
}

const t = timelineEvents;
const notRejected = ne(t.status, 'rejected');

/**
 * Reads what near-duplicate linking needs, bounded by the time span of what was just imported
 * and in pages, so that neither the work nor one query grows with the whole timeline.
 */
export const nearDuplicatesRepository = {
  /** How many sources the postmortem's timeline holds (linking needs two). */
  async countSources(db: Database, postmortemId: string): Promise<number> {
    const [row] = await db
      .select({ n: sql<number>`count(distinct ${t.source})::int` })
      .from(t)
      .where(eq(t.postmortemId, postmortemId));
    return Number(row?.n ?? 0);
  },

  /** One page of the keys of the events between `from` and `to`, in timeline order. */
  async listKeys(
    db: Database,
    postmortemId: string,
    span: { from: Date; to: Date },
    after: LinkableKeyCursor | null,
    limit: number,
  ): Promise<LinkableKey[]> {
    // One row comparison, not an OR of column comparisons: PostgreSQL starts the index scan
    // at the cursor instead of reading (and filtering out) every earlier row of the span, which
    // made each page slower than the last (2 s a page at 1M rows; 1 ms this way).
    const afterCursor = after
      ? sql`(${t.occurredAt}, ${t.createdAt}, ${t.id}) > (${sql.param(after.occurredAt, t.occurredAt)}, ${sql.param(after.createdAt, t.createdAt)}, ${sql.param(after.id, t.id)}::uuid)`
      : undefined;
    const rows = await db
      .select({
        id: t.id,
        occurredAt: t.occurredAt,
        createdAt: t.createdAt,
        kind: t.kind,
        source: t.source,
      })
      .from(t)
      .where(
        and(
          eq(t.postmortemId, postmortemId),
          gte(t.occurredAt, span.from),
          lte(t.occurredAt, span.to),
          notRejected,
          afterCursor,
        ),
      )
      .orderBy(asc(t.occurredAt), asc(t.createdAt), asc(t.id))
      .limit(limit);
    return rows as LinkableKey[];
  },

  /** The events with these ids, with what linking compares (text) and keeps (existing links). */
  async listLinkable(db: Database, postmortemId: string, ids: string[]) {
    if (ids.length === 0) {
      return [];
    }
    const rows = await db
      .select({
        id: t.id,
        occurredAt: t.occurredAt,
        createdAt: t.createdAt,
        source: t.source,
        kind: t.kind,
        text: t.text,
        duplicateOfId: t.duplicateOfId,
      })
      .from(t)
      .where(and(eq(t.postmortemId, postmortemId), inArray(t.id, ids), notRejected));
    return rows.map((r) => ({
      ...r,
      source: r.source as TimelineSource,
      kind: r.kind as TimelineEventKind,
    }));
  },

  /**
   * Sets many links in one statement; an event that already has a link keeps it. A link is a
   * change of the event: its version moves, so that a reader comparing versions sees it.
   */
  async setDuplicateLinks(
    db: Database,
    links: ReadonlyArray<{ id: string; duplicateOfId: string }>,
  ): Promise<void> {
    if (links.length === 0) {
      return;
    }
    // Two array literals (ids are UUIDs, nothing to quote) keep it one statement, two parameters.
    const ids = `{${links.map((link) => link.id).join(',')}}`;
    const roots = `{${links.map((link) => link.duplicateOfId).join(',')}}`;
    await db.execute(sql`
      update ${t} set duplicate_of_id = link.root, version = ${t.version} + 1
      from unnest(${ids}::uuid[], ${roots}::uuid[]) as link(id, root)
      where ${t.id} = link.id and ${t.duplicateOfId} is null`);
  },
};
