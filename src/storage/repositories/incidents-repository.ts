import {
  and,
  arrayContains,
  count,
  desc,
  eq,
  gte,
  ilike,
  inArray,
  lt,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import type {
  Incident,
  IncidentKind,
  IncidentStatus,
  InstantPrecision,
  KeyInstantName,
  KeyInstants,
  Severity,
} from '../../domain/incident.ts';
import type { Actor } from '../../domain/user.ts';
import type { Database } from '../database.ts';
import { decodeCursor, encodeCursor } from '../page-cursor.ts';
import { incidentMembers, incidents } from '../schema.ts';
import { updateVersioned } from '../versioned-update.ts';
import { incidentVisibleTo } from '../visibility.ts';

type IncidentRow = typeof incidents.$inferSelect;

const instantColumns = {
  started_at: 'startedAt',
  detected_at: 'detectedAt',
  acknowledged_at: 'acknowledgedAt',
  mitigated_at: 'mitigatedAt',
  resolved_at: 'resolvedAt',
} as const satisfies Record<KeyInstantName, keyof IncidentRow>;

/** An incident row and its members as the domain's incident. */
export function toIncident(row: IncidentRow, memberIds: string[]): Incident {
  const instants: KeyInstants = {};
  for (const [name, column] of Object.entries(instantColumns) as Array<
    [KeyInstantName, (typeof instantColumns)[KeyInstantName]]
  >) {
    const at = row[column];
    if (at) {
      const provenance = row.instantProvenance[name];
      instants[name] = {
        at,
        source: provenance?.source ?? 'manual',
        precision: (provenance?.precision ?? 'exact') as InstantPrecision,
      };
    }
  }
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    summary: row.summary,
    kind: row.kind as IncidentKind,
    severity: row.severity as Severity,
    potentialSeverity: row.potentialSeverity as Severity | null,
    isDrill: row.isDrill,
    status: row.status as IncidentStatus,
    services: row.services,
    restricted: row.restricted,
    instants,
    memberIds,
    createdById: row.createdById,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Incident columns for the given key instants (absent instants become null). */
function instantValues(instants: KeyInstants) {
  const values: Record<string, Date | null> = {};
  const provenance: Record<string, { source: string; precision: string }> = {};
  for (const [name, column] of Object.entries(instantColumns) as Array<
    [KeyInstantName, (typeof instantColumns)[KeyInstantName]]
  >) {
    const instant = instants[name];
    values[column] = instant?.at ?? null;
    if (instant) {
      provenance[name] = { source: instant.source, precision: instant.precision };
    }
  }
  return { ...values, instantProvenance: provenance };
}

async function loadMemberIds(db: Database, ids: string[]): Promise<Map<string, string[]>> {
  const byIncident = new Map<string, string[]>();
  if (ids.length === 0) {
    return byIncident;
  }
  const rows = await db
    .select()
    .from(incidentMembers)
    .where(inArray(incidentMembers.incidentId, ids));
  for (const row of rows) {
    byIncident.set(row.incidentId, [...(byIncident.get(row.incidentId) ?? []), row.userId]);
  }
  return byIncident;
}

/** Filters for listing incidents; all optional, combined with AND. */
export interface IncidentFilters {
  kinds?: IncidentKind[];
  severities?: Severity[];
  statuses?: IncidentStatus[];
  service?: string;
  startedFrom?: Date;
  startedBefore?: Date;
  text?: string;
  isDrill?: boolean;
}

function filterConditions(filters: IncidentFilters): Array<SQL | undefined> {
  return [
    filters.kinds?.length ? inArray(incidents.kind, filters.kinds) : undefined,
    filters.severities?.length ? inArray(incidents.severity, filters.severities) : undefined,
    filters.statuses?.length ? inArray(incidents.status, filters.statuses) : undefined,
    filters.service ? arrayContains(incidents.services, [filters.service]) : undefined,
    filters.startedFrom ? gte(incidents.startedAt, filters.startedFrom) : undefined,
    filters.startedBefore ? lt(incidents.startedAt, filters.startedBefore) : undefined,
    filters.text
      ? or(
          ilike(incidents.title, `%${escapeLike(filters.text)}%`),
          ilike(incidents.summary, `%${escapeLike(filters.text)}%`),
        )
      : undefined,
    filters.isDrill === undefined ? undefined : eq(incidents.isDrill, filters.isDrill),
  ];
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Incidents: every read takes the viewer and filters restricted rows in SQL. */
export const incidentsRepository = {
  async insertIncident(db: Database, incident: Omit<Incident, 'number'>): Promise<Incident> {
    const [row] = await db
      .insert(incidents)
      .values({
        id: incident.id,
        title: incident.title,
        summary: incident.summary,
        kind: incident.kind,
        severity: incident.severity,
        potentialSeverity: incident.potentialSeverity,
        isDrill: incident.isDrill,
        status: incident.status,
        services: incident.services,
        restricted: incident.restricted,
        // A restricted incident is numbered in its own series, so the public one has no gaps.
        ...(incident.restricted
          ? { number: sql`-nextval('incidents_restricted_number_seq')` }
          : {}),
        createdById: incident.createdById,
        createdAt: incident.createdAt,
        updatedAt: incident.updatedAt,
        ...instantValues(incident.instants),
      })
      .returning();
    if (!row) {
      throw new Error('insert returned no row');
    }
    await this.replaceMembers(db, incident.id, incident.memberIds);
    return toIncident(row, incident.memberIds);
  },

  async replaceMembers(db: Database, incidentId: string, memberIds: string[]): Promise<void> {
    await db.delete(incidentMembers).where(eq(incidentMembers.incidentId, incidentId));
    if (memberIds.length > 0) {
      await db
        .insert(incidentMembers)
        .values([...new Set(memberIds)].map((userId) => ({ incidentId, userId })));
    }
  },

  /** The incident if it exists and the viewer may see it; `forUpdate` locks the row. */
  async findVisibleIncident(
    db: Database,
    viewer: Actor,
    id: string,
    options: { forUpdate?: boolean } = {},
  ): Promise<Incident | undefined> {
    const query = db
      .select()
      .from(incidents)
      .where(and(eq(incidents.id, id), incidentVisibleTo(viewer)));
    const [row] = options.forUpdate ? await query.for('update') : await query;
    if (!row) {
      return undefined;
    }
    const members = await loadMemberIds(db, [row.id]);
    return toIncident(row, members.get(row.id) ?? []);
  },

  async findIncidentsByIds(db: Database, ids: string[]): Promise<Incident[]> {
    if (ids.length === 0) {
      return [];
    }
    const rows = await db.select().from(incidents).where(inArray(incidents.id, ids));
    const members = await loadMemberIds(db, ids);
    return rows.map((row) => toIncident(row, members.get(row.id) ?? []));
  },

  async updateIncident(
    db: Database,
    incident: Incident,
    expectedVersion: number,
  ): Promise<Incident> {
    const row = await updateVersioned(
      db,
      incidents,
      incident.id,
      expectedVersion,
      {
        title: incident.title,
        summary: incident.summary,
        kind: incident.kind,
        severity: incident.severity,
        potentialSeverity: incident.potentialSeverity,
        isDrill: incident.isDrill,
        status: incident.status,
        services: incident.services,
        restricted: incident.restricted,
        // Made public, a restricted-series incident takes the next public number: its S-number
        // would tell everyone how many restricted incidents there are.
        number: incident.restricted
          ? incidents.number
          : sql`case when "incidents"."number" < 0 then nextval('incidents_number_seq') else "incidents"."number" end`,
        updatedAt: incident.updatedAt,
        ...instantValues(incident.instants),
      },
      'Incident',
    );
    await this.replaceMembers(db, incident.id, incident.memberIds);
    return toIncident(row, incident.memberIds);
  },

  /** One page of incidents the viewer may see, newest first, and the total they may see. */
  async listVisibleIncidents(
    db: Database,
    viewer: Actor,
    filters: IncidentFilters,
    page: { cursor?: string; limit: number },
  ): Promise<{ items: Incident[]; nextCursor: string | null; total: number }> {
    const base = [incidentVisibleTo(viewer), ...filterConditions(filters)];
    const after = page.cursor ? decodeCursor(page.cursor) : undefined;
    const rows = await db
      .select()
      .from(incidents)
      .where(
        and(
          ...base,
          after
            ? sql`(${incidents.createdAt}, ${incidents.id}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`
            : undefined,
        ),
      )
      .orderBy(desc(incidents.createdAt), desc(incidents.id))
      .limit(page.limit + 1);
    const [totalRow] = await db
      .select({ n: count() })
      .from(incidents)
      .where(and(...base));
    const pageRows = rows.slice(0, page.limit);
    const members = await loadMemberIds(
      db,
      pageRows.map((r) => r.id),
    );
    const last = pageRows.at(-1);
    return {
      items: pageRows.map((row) => toIncident(row, members.get(row.id) ?? [])),
      nextCursor:
        rows.length > page.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
      total: totalRow?.n ?? 0,
    };
  },

  /** The current version of each incident: a cheap freshness check for cached reads. */
  async listVersions(db: Database, ids: string[]): Promise<Array<{ id: string; version: number }>> {
    if (ids.length === 0) {
      return [];
    }
    return db
      .select({ id: incidents.id, version: incidents.version })
      .from(incidents)
      .where(inArray(incidents.id, ids))
      .orderBy(incidents.id);
  },
};
