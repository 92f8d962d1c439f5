import { and, desc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { ActionItemStatus } from '../../domain/action-item.ts';
import type { Severity } from '../../domain/incident.ts';
import type { PhaseReminderCandidate } from '../../domain/phase-reminders.ts';
import type { PostmortemPhase } from '../../domain/postmortem-phases.ts';
import type { ReminderCandidate } from '../../domain/reminders.ts';
import type { DigestItem } from '../../domain/team-digest.ts';
import type { Actor, UserRole } from '../../domain/user.ts';
import type { Database } from '../database.ts';
import {
  actionItems,
  comments,
  incidents,
  notificationPreferences,
  notifications,
  postmortemIncidents,
  postmortems,
  users,
} from '../schema.ts';
import { commentVisibleTo, incidentVisibleTo, postmortemVisibleTo } from '../visibility.ts';

/**
 * SQL condition over `notifications` rows left-joined with their postmortem: the viewer may
 * still see what the notice is about — its postmortem and, for a notice about a comment (an
 * @mention), that comment, not on a section restricted from them; for a notice about incidents
 * rather than a review (a recurring minor issue), that incident.
 * Access taken away after a notice was written takes the notice away with it.
 */
function noticeVisibleTo(viewer: Actor) {
  return sql`(case when ${notifications.postmortemId} is not null then ${postmortemVisibleTo(viewer)}
      and (${notifications.subjectType} <> 'comment' or exists (select 1 from ${comments}
        where ${comments.id} = ${notifications.subjectId} and ${commentVisibleTo(viewer)}))
    else ${notifications.subjectType} = 'incident' and exists (select 1 from ${incidents}
      where ${incidents.id} = ${notifications.subjectId} and ${incidentVisibleTo(viewer)}) end)`;
}

/** A notification row as stored. */
export type NotificationRow = typeof notifications.$inferSelect;

/** The reminders ledger, the reminder candidates and people's notification settings. */
export const notificationsRepository = {
  /** Inserts unless this rule already notified this recipient on this channel today. */
  async insertOnce(
    db: Database,
    row: typeof notifications.$inferInsert,
  ): Promise<NotificationRow | undefined> {
    const [inserted] = await db.insert(notifications).values(row).onConflictDoNothing().returning();
    return inserted;
  },

  /**
   * Locks a pending notification for delivery; `undefined` when it was sent already or another
   * instance is delivering it right now.
   */
  async claimPending(db: Database, id: string): Promise<NotificationRow | undefined> {
    const [row] = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.id, id), eq(notifications.status, 'pending')))
      .for('update', { skipLocked: true });
    return row;
  },

  /** A notification's status without locking it; `undefined` when there is no such row. */
  async findStatus(db: Database, id: string): Promise<string | undefined> {
    const [row] = await db
      .select({ status: notifications.status })
      .from(notifications)
      .where(eq(notifications.id, id));
    return row?.status;
  },

  async settle(
    db: Database,
    id: string,
    outcome: { status: 'sent' | 'pending' | 'failed'; at: Date; error?: string },
  ): Promise<void> {
    await db
      .update(notifications)
      .set({
        status: outcome.status,
        attempts: sql`${notifications.attempts} + 1`,
        lastError: outcome.error ?? null,
        sentAt: outcome.status === 'sent' ? outcome.at : null,
      })
      .where(eq(notifications.id, id));
  },

  /** Replaces what a notification says (a digest composed again when it is sent). */
  async rewrite(db: Database, id: string, content: { title: string; body: string }) {
    await db.update(notifications).set(content).where(eq(notifications.id, id));
  },

  /**
   * The viewer's in-app notifications, newest first, that they may still see
   * (`noticeVisibleTo`): decided in the query, so that a notice withdrawn with its access is
   * neither listed nor counted.
   */
  async listForUser(db: Database, viewer: Actor, limit: number): Promise<NotificationRow[]> {
    const rows = await db
      .select({ notification: notifications })
      .from(notifications)
      .leftJoin(postmortems, eq(postmortems.id, notifications.postmortemId))
      .where(
        and(
          eq(notifications.recipientUserId, viewer.id),
          eq(notifications.channel, 'in_app'),
          noticeVisibleTo(viewer),
        ),
      )
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(limit);
    return rows.map((r) => r.notification);
  },

  /**
   * True when `reader` may still see what this notification is about (`noticeVisibleTo`), as
   * checked again when it is sent: the same condition as the in-app list.
   */
  async isVisibleTo(db: Database, reader: Actor, id: string): Promise<boolean> {
    const [row] = await db
      .select({ id: notifications.id })
      .from(notifications)
      .leftJoin(postmortems, eq(postmortems.id, notifications.postmortemId))
      .where(and(eq(notifications.id, id), noticeVisibleTo(reader)));
    return row !== undefined;
  },

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

  /** True when this rule ever told this recipient about this subject, on any day or channel. */
  async hasNotified(
    db: Database,
    row: { rule: string; subjectId: string; recipientKey: string },
  ): Promise<boolean> {
    const [found] = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(
        and(
          eq(notifications.rule, row.rule),
          eq(notifications.subjectId, row.subjectId),
          eq(notifications.recipientKey, row.recipientKey),
        ),
      )
      .limit(1);
    return found !== undefined;
  },

  /** Account ids of the given e-mails (team leads), enabled accounts only. */
  async userIdsByEmail(db: Database, emails: string[]): Promise<Map<string, string>> {
    if (emails.length === 0) {
      return new Map();
    }
    const rows = await db
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(inArray(users.email, emails), eq(users.disabled, false)));
    return new Map(rows.map((r) => [r.email, r.id]));
  },

  /** True when the account may see the postmortem (the same SQL condition as every read). */
  async canSee(db: Database, viewer: Actor, postmortemId: string): Promise<boolean> {
    const [row] = await db
      .select({ id: postmortems.id })
      .from(postmortems)
      .where(and(eq(postmortems.id, postmortemId), postmortemVisibleTo(viewer)));
    return row !== undefined;
  },

  async findPreferences(db: Database, userId: string) {
    const [row] = await db
      .select()
      .from(notificationPreferences)
      .where(eq(notificationPreferences.userId, userId));
    return row;
  },

  async putPreferences(db: Database, row: typeof notificationPreferences.$inferInsert) {
    const [saved] = await db
      .insert(notificationPreferences)
      .values(row)
      .onConflictDoUpdate({
        target: notificationPreferences.userId,
        set: {
          emailEnabled: row.emailEnabled,
          quietStart: row.quietStart,
          quietEnd: row.quietEnd,
          timeZone: row.timeZone,
          version: sql`${notificationPreferences.version} + 1`,
        },
      })
      .returning();
    return saved;
  },

  /** A person as notifications need them: e-mail, role, whether the account is enabled. */
  async findRecipient(db: Database, userId: string) {
    const [row] = await db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        disabled: users.disabled,
      })
      .from(users)
      .where(eq(users.id, userId));
    return row ? { ...row, role: row.role as UserRole } : undefined;
  },
};
