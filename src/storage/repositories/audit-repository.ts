import { and, asc, desc, eq, lt, sql } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { auditEvents, users } from '../schema.ts';

/** One audit record to write. */
export interface AuditEntry {
  occurredAt: Date;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  incidentId?: string | null;
  postmortemId?: string | null;
  data?: Record<string, unknown>;
}

/** The audit trail: written in the caller's transaction, read newest first. */
/** What a reader sees of an audit event, with the actor's name. */
const auditEventColumns = {
  // The random public id: the internal one is a global sequence that would count the events
  // of records the reader may not see.
  id: auditEvents.publicId,
  occurredAt: auditEvents.occurredAt,
  actorId: auditEvents.actorId,
  actorName: users.name,
  action: auditEvents.action,
  subjectType: auditEvents.subjectType,
  subjectId: auditEvents.subjectId,
  data: auditEvents.data,
};

export const auditRepository = {
  async record(db: Database, entry: AuditEntry): Promise<void> {
    await db.insert(auditEvents).values({ ...entry, data: entry.data ?? {} });
  },

  async listForPostmortem(
    db: Database,
    postmortemId: string,
    page: { before?: string; limit: number },
  ) {
    return db
      .select(auditEventColumns)
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(
        and(
          eq(auditEvents.postmortemId, postmortemId),
          page.before === undefined
            ? undefined
            : lt(
                auditEvents.id,
                sql`(select "a"."id" from "audit_events" "a" where "a"."public_id" = ${page.before})`,
              ),
        ),
      )
      .orderBy(desc(auditEvents.id))
      .limit(page.limit + 1);
  },

  /** Everything that happened to one record of a postmortem, oldest first. */
  async listForSubject(db: Database, subject: { postmortemId: string; type: string; id: string }) {
    return db
      .select(auditEventColumns)
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(
        and(
          eq(auditEvents.postmortemId, subject.postmortemId),
          eq(auditEvents.subjectType, subject.type),
          eq(auditEvents.subjectId, subject.id),
        ),
      )
      .orderBy(asc(auditEvents.id));
  },

  /** The postmortem's phase changes, oldest first: its phase history. */
  async listPhaseChanges(db: Database, postmortemId: string) {
    return db
      .select({ occurredAt: auditEvents.occurredAt, data: auditEvents.data })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.postmortemId, postmortemId),
          eq(auditEvents.action, 'postmortem.phase_changed'),
        ),
      )
      .orderBy(asc(auditEvents.id));
  },
};
