import { and, ne, sql } from 'drizzle-orm';
import type { Severity } from '../../domain/incident.ts';
import type { PostmortemPhase } from '../../domain/postmortem-phases.ts';
import type { Actor } from '../../domain/user.ts';
import type { Database } from '../database.ts';
import { incidents, postmortemIncidents, postmortems } from '../schema.ts';
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
