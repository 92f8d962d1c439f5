import { and, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../domain/user.ts';
import type { Database } from '../database.ts';
import { comments, incidents, notifications, postmortems } from '../schema.ts';
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

/**
 * The notifications ledger: one row per rule, recipient, channel and day, claimed and settled
 * as it is delivered. Reminder candidates, recipients and people's settings have repositories
 * of their own.
 */
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

  /** Records a delivery attempt: sent, pending again for a retry, or failed for good. */
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
};
