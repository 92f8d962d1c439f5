import { and, ne, sql } from 'drizzle-orm';
import type { Severity } from '../../domain/incident.ts';
import type { PostmortemPhase } from '../../domain/postmortem-phases.ts';
import type { Actor } from '../../domain/user.ts';
import type { Database } from '../database.ts';
import { auditEvents, incidents, postmortemIncidents, postmortems } from '../schema.ts';
import { postmortemVisibleTo } from '../visibility.ts';

/** What a postmortem's deadlines are counted from. */
export interface PostmortemClock {
  id: string;
  phase: PostmortemPhase;
  /** The worst severity among its incidents. */
  severity: Severity;
  /** When the last of its incidents was resolved; null while any is unresolved. */
  resolvedAt: Date | null;
}

/** The clocks of every open (not closed) postmortem the viewer may see, in one query. */
export async function listOpenPostmortemClocks(
  db: Database,
  viewer: Actor,
): Promise<PostmortemClock[]> {
  const rows = await db
    .select({
      id: postmortems.id,
      phase: postmortems.phase,
      severity: sql<string>`min(${incidents.severity})`,
      resolvedAt: sql<
        string | null
      >`case when bool_and(${incidents.resolvedAt} is not null) then max(${incidents.resolvedAt}) end`,
    })
    .from(postmortems)
    .innerJoin(postmortemIncidents, sql`${postmortemIncidents.postmortemId} = ${postmortems.id}`)
    .innerJoin(incidents, sql`${incidents.id} = ${postmortemIncidents.incidentId}`)
    .where(and(ne(postmortems.phase, 'closed'), postmortemVisibleTo(viewer)))
    .groupBy(postmortems.id, postmortems.phase);
  return rows.map((row) => ({
    id: row.id,
    phase: row.phase as PostmortemPhase,
    severity: row.severity as Severity,
    resolvedAt: row.resolvedAt === null ? null : new Date(row.resolvedAt),
  }));
}

/** A postmortem's clock with when it first entered each phase. */
export interface PostmortemPhaseClock {
  phase: PostmortemPhase;
  severity: Severity;
  resolvedAt: Date | null;
  reachedAt: Partial<Record<PostmortemPhase, Date>>;
}

/**
 * Every postmortem the viewer may see (closed ones too) with its clock and when it first entered
 * each phase, read from its `postmortem.phase_changed` audit events, in one query.
 */
export async function listPhaseClocks(
  db: Database,
  viewer: Actor,
): Promise<PostmortemPhaseClock[]> {
  const rows = await db
    .select({
      phase: postmortems.phase,
      severity: sql<string>`min(${incidents.severity})`,
      resolvedAt: sql<
        string | null
      >`case when bool_and(${incidents.resolvedAt} is not null) then max(${incidents.resolvedAt}) end`,
      reachedAt: sql<Record<string, string> | null>`(
        select jsonb_object_agg(reached.phase, reached.at) from (
          select ${auditEvents.data} ->> 'to' as phase, min(${auditEvents.occurredAt}) as at
          from ${auditEvents}
          where ${auditEvents.postmortemId} = ${postmortems.id}
            and ${auditEvents.action} = 'postmortem.phase_changed'
          group by 1) reached)`,
    })
    .from(postmortems)
    .innerJoin(postmortemIncidents, sql`${postmortemIncidents.postmortemId} = ${postmortems.id}`)
    .innerJoin(incidents, sql`${incidents.id} = ${postmortemIncidents.incidentId}`)
    .where(postmortemVisibleTo(viewer))
    .groupBy(postmortems.id, postmortems.phase);
  return rows.map((row) => ({
    phase: row.phase as PostmortemPhase,
    severity: row.severity as Severity,
    resolvedAt: row.resolvedAt === null ? null : new Date(row.resolvedAt),
    reachedAt: Object.fromEntries(
      Object.entries(row.reachedAt ?? {}).map(([phase, at]) => [phase, new Date(at)]),
    ),
  }));
}
