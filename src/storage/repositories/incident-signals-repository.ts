import { and, arrayOverlaps, asc, desc, eq, gte, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../database.ts';
import { incidentSignals, incidents, postmortemIncidents, postmortems } from '../schema.ts';

/** A stored alert, page, deploy or status update of an incident. */
export type IncidentSignalRecord = typeof incidentSignals.$inferSelect;

/** Signals received by webhook; `(source, external_id)` makes redelivery idempotent. */
export const incidentSignalsRepository = {
  /** Inserts the signal unless one with its `(source, externalId)` exists; true when inserted. */
  async insertIfNew(db: Database, record: IncidentSignalRecord): Promise<boolean> {
    const rows = await db
      .insert(incidentSignals)
      .values(record)
      .onConflictDoNothing({ target: [incidentSignals.source, incidentSignals.externalId] })
      .returning({ id: incidentSignals.id });
    return rows.length > 0;
  },

  /**
   * Serialises intake of one alert (or one source) until the transaction ends, so that two
   * concurrent deliveries of a new alert cannot open two incidents.
   */
  async lockIntake(db: Database, key: string): Promise<void> {
    await db.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
  },

  /** Locks an incident row for the rest of the transaction. */
  async lockIncident(db: Database, incidentId: string): Promise<void> {
    await db
      .select({ id: incidents.id })
      .from(incidents)
      .where(eq(incidents.id, incidentId))
      .for('update');
  },

  async findByExternalId(
    db: Database,
    source: string,
    externalId: string,
  ): Promise<IncidentSignalRecord | undefined> {
    const [row] = await db
      .select()
      .from(incidentSignals)
      .where(and(eq(incidentSignals.source, source), eq(incidentSignals.externalId, externalId)));
    return row;
  },

  /** The most recent not-yet-resolved incident that already has a signal with this dedup key. */
  async findOpenIncidentByDedupKey(
    db: Database,
    source: string,
    dedupKey: string,
  ): Promise<string | undefined> {
    const [row] = await db
      .select({ id: incidents.id })
      .from(incidentSignals)
      .innerJoin(incidents, eq(incidents.id, incidentSignals.incidentId))
      .where(
        and(
          eq(incidentSignals.source, source),
          eq(incidentSignals.dedupKey, dedupKey),
          ne(incidents.status, 'resolved'),
        ),
      )
      .orderBy(asc(incidents.createdAt))
      .limit(1);
    return row?.id;
  },

  /** The oldest not-yet-resolved incident whose services include one of these. */
  async findOpenIncidentByServices(db: Database, services: string[]): Promise<string | undefined> {
    if (services.length === 0) {
      return undefined;
    }
    const [row] = await db
      .select({ id: incidents.id })
      .from(incidents)
      .where(and(ne(incidents.status, 'resolved'), arrayOverlaps(incidents.services, services)))
      .orderBy(asc(incidents.createdAt))
      .limit(1);
    return row?.id;
  },

  /**
   * The most recently resolved incident, resolved at or after `resolvedSince`, that has a signal
   * with this dedup key: where a late signal of the same alert belongs.
   */
  async findResolvedIncidentByDedupKey(
    db: Database,
    source: string,
    dedupKey: string,
    resolvedSince: Date,
  ): Promise<string | undefined> {
    const [row] = await db
      .select({ id: incidents.id })
      .from(incidentSignals)
      .innerJoin(incidents, eq(incidents.id, incidentSignals.incidentId))
      .where(
        and(
          eq(incidentSignals.source, source),
          eq(incidentSignals.dedupKey, dedupKey),
          eq(incidents.status, 'resolved'),
          gte(incidents.resolvedAt, resolvedSince),
        ),
      )
      .orderBy(desc(incidents.resolvedAt))
      .limit(1);
    return row?.id;
  },

  /** The most recently resolved incident, resolved at or after `resolvedSince`, on these services. */
  async findResolvedIncidentByServices(
    db: Database,
    services: string[],
    resolvedSince: Date,
  ): Promise<string | undefined> {
    if (services.length === 0) {
      return undefined;
    }
    const [row] = await db
      .select({ id: incidents.id })
      .from(incidents)
      .where(
        and(
          eq(incidents.status, 'resolved'),
          gte(incidents.resolvedAt, resolvedSince),
          arrayOverlaps(incidents.services, services),
        ),
      )
      .orderBy(desc(incidents.resolvedAt))
      .limit(1);
    return row?.id;
  },

  async listByIncidents(db: Database, incidentIds: string[]): Promise<IncidentSignalRecord[]> {
    if (incidentIds.length === 0) {
      return [];
    }
    return db
      .select()
      .from(incidentSignals)
      .where(inArray(incidentSignals.incidentId, incidentIds))
      .orderBy(asc(incidentSignals.occurredAt), asc(incidentSignals.id));
  },

  /** Postmortems (not closed) that review this incident. */
  async listOpenPostmortemIds(db: Database, incidentId: string): Promise<string[]> {
    const rows = await db
      .select({ id: postmortems.id })
      .from(postmortemIncidents)
      .innerJoin(postmortems, eq(postmortems.id, postmortemIncidents.postmortemId))
      .where(and(eq(postmortemIncidents.incidentId, incidentId), isNull(postmortems.closedAt)));
    return rows.map((row) => row.id);
  },
};
