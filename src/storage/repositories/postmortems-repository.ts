import { and, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { Postmortem, PostmortemScope } from '../../domain/postmortem.ts';
import type { PostmortemPhase } from '../../domain/postmortem-phases.ts';
import type { Actor } from '../../domain/user.ts';
import type { Database } from '../database.ts';
import { decodeCursor, encodeCursor } from '../page-cursor.ts';
import { incidents, postmortemIncidents, postmortemMembers, postmortems } from '../schema.ts';
import { updateVersioned } from '../versioned-update.ts';
import { postmortemVisibleTo } from '../visibility.ts';
import { type PostmortemFilters, postmortemFilterConditions } from './postmortem-list-filters.ts';

type PostmortemRow = typeof postmortems.$inferSelect;

const toPostmortem = (
  row: PostmortemRow,
  incidentIds: string[],
  memberIds: string[],
): Postmortem => ({
  id: row.id,
  number: row.number,
  title: row.title,
  scope: row.scope as PostmortemScope,
  phase: row.phase as PostmortemPhase,
  restricted: row.restricted,
  incidentIds,
  memberIds,
  sections: row.sections,
  analysisMeetingAt: row.analysisMeetingAt,
  analysisMeetingNotes: row.analysisMeetingNotes,
  analysisMeetingAttendeeIds: row.analysisMeetingAttendeeIds,
  createdById: row.createdById,
  version: row.version,
  revision: row.revision,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
  closedAt: row.closedAt,
});

/** A postmortem row with the ids of its incidents and members, as a select list. */
const withLinks = {
  row: postmortems,
  // Inside a select list drizzle names a column without its table, so the outer postmortem's id
  // is written out: a bare "id" would silently mean the subquery's own table's, if it had one.
  incidentIds: sql<
    string[]
  >`array(select ${postmortemIncidents.incidentId} from ${postmortemIncidents} where ${postmortemIncidents.postmortemId} = "postmortems"."id")::text[]`,
  memberIds: sql<
    string[]
  >`array(select ${postmortemMembers.userId} from ${postmortemMembers} where ${postmortemMembers.postmortemId} = "postmortems"."id")::text[]`,
};

async function loadLinks(db: Database, ids: string[]) {
  const incidentsBy = new Map<string, string[]>();
  const membersBy = new Map<string, string[]>();
  if (ids.length === 0) {
    return { incidentsBy, membersBy };
  }
  const [incidentRows, memberRows] = [
    await db
      .select()
      .from(postmortemIncidents)
      .where(inArray(postmortemIncidents.postmortemId, ids)),
    await db.select().from(postmortemMembers).where(inArray(postmortemMembers.postmortemId, ids)),
  ];
  for (const row of incidentRows) {
    incidentsBy.set(row.postmortemId, [
      ...(incidentsBy.get(row.postmortemId) ?? []),
      row.incidentId,
    ]);
  }
  for (const row of memberRows) {
    membersBy.set(row.postmortemId, [...(membersBy.get(row.postmortemId) ?? []), row.userId]);
  }
  return { incidentsBy, membersBy };
}

export type { PostmortemFilters } from './postmortem-list-filters.ts';

/** Postmortems: every read takes the viewer and filters restricted rows in SQL. */
export const postmortemsRepository = {
  async insertPostmortem(
    db: Database,
    postmortem: Omit<Postmortem, 'number' | 'revision'>,
  ): Promise<Postmortem> {
    const [row] = await db
      .insert(postmortems)
      .values({
        id: postmortem.id,
        title: postmortem.title,
        scope: postmortem.scope,
        phase: postmortem.phase,
        restricted: postmortem.restricted,
        // Hidden from someone from the start (restricted, or reviewing a restricted incident):
        // numbered in its own series, so the public one has no gaps.
        number: sql`case when ${postmortem.restricted} or exists (select 1 from "incidents" "i" where "i"."restricted" and "i"."id" in ${postmortem.incidentIds}) then -nextval('postmortems_restricted_number_seq') else nextval('postmortems_number_seq') end`,
        sections: postmortem.sections,
        analysisMeetingAt: postmortem.analysisMeetingAt,
        analysisMeetingNotes: postmortem.analysisMeetingNotes,
        analysisMeetingAttendeeIds: postmortem.analysisMeetingAttendeeIds,
        createdById: postmortem.createdById,
        createdAt: postmortem.createdAt,
        updatedAt: postmortem.updatedAt,
      })
      .returning();
    if (!row) {
      throw new Error('insert returned no row');
    }
    await db
      .insert(postmortemIncidents)
      .values(postmortem.incidentIds.map((incidentId) => ({ postmortemId: row.id, incidentId })));
    await this.replaceMembers(db, row.id, postmortem.memberIds);
    return toPostmortem(row, postmortem.incidentIds, postmortem.memberIds);
  },

  async replaceMembers(db: Database, postmortemId: string, memberIds: string[]): Promise<void> {
    await db.delete(postmortemMembers).where(eq(postmortemMembers.postmortemId, postmortemId));
    if (memberIds.length > 0) {
      await db
        .insert(postmortemMembers)
        .values([...new Set(memberIds)].map((userId) => ({ postmortemId, userId })));
    }
  },

  /** The postmortem if it exists and the viewer may see it; `forUpdate` locks the row. */
  async findVisiblePostmortem(
    db: Database,
    viewer: Actor,
    id: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<Postmortem | undefined> {
    // The links come in the same statement: every request about one postmortem starts here,
    // and two more round trips for them cost more than the rows they carry.
    const query = db
      .select(withLinks)
      .from(postmortems)
      .where(and(eq(postmortems.id, id), postmortemVisibleTo(viewer)));
    const [found] = options.forUpdate
      ? await query.for('update', { of: postmortems })
      : await query;
    return found ? toPostmortem(found.row, found.incidentIds, found.memberIds) : undefined;
  },

  /**
   * `findVisiblePostmortem` for a read whose rendering is cached, with what the cache key needs
   * of its incidents (`id@version` of each, by id) in the same statement.
   */
  async findVisiblePostmortemWithIncidentVersions(
    db: Database,
    viewer: Actor,
    id: string,
  ): Promise<{ postmortem: Postmortem; incidentVersions: string } | undefined> {
    // The incidents by the id asked for: inside a select list drizzle names columns without
    // their table, and `incidents` has an `id` of its own.
    const [found] = await db
      .select({
        ...withLinks,
        incidentVersions: sql<string>`coalesce((select string_agg(${incidents.id}::text || '@' || ${incidents.version}, ',' order by ${incidents.id}) from ${incidents} where ${incidents.id} in (select ${postmortemIncidents.incidentId} from ${postmortemIncidents} where ${eq(postmortemIncidents.postmortemId, id)})), '')`,
      })
      .from(postmortems)
      .where(and(eq(postmortems.id, id), postmortemVisibleTo(viewer)));
    return found
      ? {
          postmortem: toPostmortem(found.row, found.incidentIds, found.memberIds),
          incidentVersions: found.incidentVersions,
        }
      : undefined;
  },

  async updatePostmortem(
    db: Database,
    postmortem: Postmortem,
    expectedVersion: number,
  ): Promise<Postmortem> {
    const row = await updateVersioned(
      db,
      postmortems,
      postmortem.id,
      expectedVersion,
      {
        title: postmortem.title,
        phase: postmortem.phase,
        restricted: postmortem.restricted,
        // Made public, a restricted-series postmortem whose incidents are all public takes the
        // next public number: its S-number would tell everyone how many hidden reviews exist.
        number: sql`case when "postmortems"."number" < 0 and not ${postmortem.restricted} and not exists (select 1 from "postmortem_incidents" "pi" join "incidents" "i" on "i"."id" = "pi"."incident_id" where "pi"."postmortem_id" = "postmortems"."id" and "i"."restricted") then nextval('postmortems_number_seq') else "postmortems"."number" end`,
        sections: postmortem.sections,
        analysisMeetingAt: postmortem.analysisMeetingAt,
        analysisMeetingNotes: postmortem.analysisMeetingNotes,
        analysisMeetingAttendeeIds: postmortem.analysisMeetingAttendeeIds,
        updatedAt: postmortem.updatedAt,
        closedAt: postmortem.closedAt,
        revision: sql`${postmortems.revision} + 1`,
      },
      'Postmortem',
    );
    await this.replaceMembers(db, postmortem.id, postmortem.memberIds);
    return toPostmortem(row, postmortem.incidentIds, postmortem.memberIds);
  },

  /** Deletes a postmortem; its parts go with it (the schema cascades), a legal hold refuses. */
  async deletePostmortem(db: Database, id: string): Promise<void> {
    await db.delete(postmortems).where(eq(postmortems.id, id));
  },

  /**
   * Marks a change to a part of the postmortem: bumps `updated_at` and the revision (not the
   * version, so that editing a part never conflicts with editing the postmortem's own fields).
   * Every write to a part must call it: the read caches key on the revision.
   */
  async touch(db: Database, id: string, at: Date): Promise<void> {
    await db
      .update(postmortems)
      .set({ updatedAt: at, revision: sql`${postmortems.revision} + 1` })
      .where(eq(postmortems.id, id));
  },

  async listVisiblePostmortems(
    db: Database,
    viewer: Actor,
    filters: PostmortemFilters,
    page: { cursor?: string; limit: number },
  ): Promise<{ items: Postmortem[]; nextCursor: string | null; total: number }> {
    const base: Array<SQL | undefined> = [
      postmortemVisibleTo(viewer),
      ...postmortemFilterConditions(filters),
    ];
    const after = page.cursor ? decodeCursor(page.cursor) : undefined;
    const rows = await db
      .select()
      .from(postmortems)
      .where(
        and(
          ...base,
          after
            ? sql`(${postmortems.createdAt}, ${postmortems.id}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(desc(postmortems.createdAt), desc(postmortems.id))
      .limit(page.limit + 1);
    const [totalRow] = await db
      .select({ n: count() })
      .from(postmortems)
      .where(and(...base));
    const pageRows = rows.slice(0, page.limit);
    const { incidentsBy, membersBy } = await loadLinks(
      db,
      pageRows.map((r) => r.id),
    );
    const last = pageRows.at(-1);
    return {
      items: pageRows.map((row) =>
        toPostmortem(row, incidentsBy.get(row.id) ?? [], membersBy.get(row.id) ?? []),
      ),
      nextCursor:
        rows.length > page.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
      total: totalRow?.n ?? 0,
    };
  },

  /** True when the incident already has a single-incident postmortem (thematic ones do not count). */
  async hasSinglePostmortem(db: Database, incidentId: string): Promise<boolean> {
    const rows = await db
      .select({ id: postmortems.id })
      .from(postmortemIncidents)
      .innerJoin(postmortems, eq(postmortems.id, postmortemIncidents.postmortemId))
      .where(and(eq(postmortemIncidents.incidentId, incidentId), eq(postmortems.scope, 'single')))
      .limit(1);
    return rows.length > 0;
  },

  /** Ids of the postmortems the viewer may see, per incident. */
  async listVisibleIdsByIncident(
    db: Database,
    viewer: Actor,
    incidentIds: string[],
  ): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    if (incidentIds.length === 0) {
      return result;
    }
    const rows = await db
      .select({ incidentId: postmortemIncidents.incidentId, postmortemId: postmortems.id })
      .from(postmortemIncidents)
      .innerJoin(postmortems, eq(postmortems.id, postmortemIncidents.postmortemId))
      .where(
        and(inArray(postmortemIncidents.incidentId, incidentIds), postmortemVisibleTo(viewer)),
      );
    for (const row of rows) {
      result.set(row.incidentId, [...(result.get(row.incidentId) ?? []), row.postmortemId]);
    }
    return result;
  },
};
