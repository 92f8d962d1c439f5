import { and, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { ActionItemStatus } from '../../domain/action-item.ts';
import type { Severity } from '../../domain/incident.ts';
import type { PhaseReminderCandidate } from '../../domain/phase-reminders.ts';
import type { PostmortemPhase } from '../../domain/postmortem-phases.ts';
import type { ReminderCandidate } from '../../domain/reminders.ts';
import type { DigestItem } from '../../domain/team-digest.ts';
import type { Actor } from '../../domain/user.ts';
import type { Database } from '../database.ts';
import { actionItems, incidents, postmortemIncidents, postmortems } from '../schema.ts';
import { postmortemVisibleTo } from '../visibility.ts';

/**
 * What the reminder scans and the team digests are about: due action items, open postmortems
 * with their deadlines' start, and the teams with items still to settle.
 */
export const reminderCandidatesRepository = {
  /** Unfinished, dated items due on or before `until`, with who opened their postmortem. */
  async reminderCandidates(db: Database, until: string): Promise<ReminderCandidate[]> {
    const rows = await db
      .select({
        id: actionItems.id,
        title: actionItems.title,
        status: actionItems.status,
        dueDate: actionItems.dueDate,
        ownerUserId: actionItems.ownerUserId,
        team: actionItems.team,
        postmortemId: actionItems.postmortemId,
        postmortemOwnerId: postmortems.createdById,
      })
      .from(actionItems)
      .innerJoin(postmortems, eq(postmortems.id, actionItems.postmortemId))
      .where(
        and(
          eq(actionItems.isIdea, false),
          inArray(actionItems.status, ['open', 'in_progress']),
          isNotNull(actionItems.dueDate),
          lte(actionItems.dueDate, until),
          sql`${postmortems.phase} <> 'closed'`,
        ),
      );
    return rows.map((r) => ({ ...r, status: r.status as ActionItemStatus }));
  },

  /**
   * Every open postmortem with what its deadlines are counted from: the worst severity of its
   * incidents and when the last was resolved (null while any is not), and who opened it.
   */
  async phaseReminderCandidates(db: Database): Promise<PhaseReminderCandidate[]> {
    const rows = await db
      .select({
        postmortemId: postmortems.id,
        title: postmortems.title,
        phase: postmortems.phase,
        ownerUserId: postmortems.createdById,
        severity: sql<string>`min(${incidents.severity})`,
        resolvedAt: sql<
          string | null
        >`case when bool_and(${incidents.resolvedAt} is not null) then max(${incidents.resolvedAt}) end`,
      })
      .from(postmortems)
      .innerJoin(postmortemIncidents, eq(postmortemIncidents.postmortemId, postmortems.id))
      .innerJoin(incidents, eq(incidents.id, postmortemIncidents.incidentId))
      .where(sql`${postmortems.phase} <> 'closed'`)
      .groupBy(postmortems.id);
    return rows.map((row) => ({
      ...row,
      phase: row.phase as PostmortemPhase,
      severity: row.severity as Severity,
      resolvedAt: row.resolvedAt === null ? null : new Date(row.resolvedAt),
    }));
  },

  /** Teams named on items still in someone's hands or waiting for verification. */
  async teamsWithOpenItems(db: Database): Promise<string[]> {
    const rows = await db
      .selectDistinct({ team: actionItems.team })
      .from(actionItems)
      .where(
        and(
          eq(actionItems.isIdea, false),
          isNotNull(actionItems.team),
          inArray(actionItems.status, ['open', 'in_progress', 'done']),
        ),
      )
      .orderBy(actionItems.team);
    return rows.flatMap((row) => (row.team ? [row.team] : []));
  },

  /** A team's unsettled items that the viewer may see (the board's visibility condition). */
  async teamDigestItems(db: Database, viewer: Actor, team: string): Promise<DigestItem[]> {
    const rows = await db
      .select({
        title: actionItems.title,
        status: actionItems.status,
        dueDate: actionItems.dueDate,
        postmortemNumber: postmortems.number,
      })
      .from(actionItems)
      .innerJoin(postmortems, eq(postmortems.id, actionItems.postmortemId))
      .where(
        and(
          eq(actionItems.isIdea, false),
          eq(actionItems.team, team),
          inArray(actionItems.status, ['open', 'in_progress', 'done']),
          sql`${postmortems.phase} <> 'closed'`,
          postmortemVisibleTo(viewer),
        ),
      );
    return rows.map((r) => ({ ...r, status: r.status as ActionItemStatus }));
  },
};
