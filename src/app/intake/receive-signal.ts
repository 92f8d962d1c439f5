import { statusFromInstants } from '../../domain/incident.ts';
import type { ImportResult } from '../../importers/imported-event.ts';
import { incidentSignalsRepository } from '../../storage/repositories/incident-signals-repository.ts';
import { incidentsRepository } from '../../storage/repositories/incidents-repository.ts';
import type { IntegrationRecord } from '../../storage/repositories/integrations-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { cleanImportedEvent } from '../timeline/clean-imported-event.ts';
import { proposeTimelineEvents } from '../timeline/propose-timeline-events.ts';
import { applySignalInstants, type InstantOutcome } from './apply-signal-instants.ts';
import { openSignalIncident } from './open-signal-incident.ts';
import { opensIncident, signalFacts } from './signal-facts.ts';

/** What intake did with one delivery. */
export type SignalOutcome =
  | { ignored: true; reason: string }
  | {
      ignored: false;
      incidentId: string;
      incidentOpened: boolean;
      signalsStored: number;
      duplicates: number;
      instants: InstantOutcome[];
      timelineEventsProposed: number;
    };

async function findIncident(tx: AppDeps, source: string, keys: string[], services: string[]) {
  for (const key of keys) {
    const id = await incidentSignalsRepository.findOpenIncidentByDedupKey(tx.db, source, key);
    if (id) {
      return id;
    }
  }
  return incidentSignalsRepository.findOpenIncidentByServices(tx.db, services);
}

/**
 * Records one converted webhook delivery: idempotent by `(source, external_id)`, attached to
 * the open incident it belongs to (dedup key, then services) or opening one when the policy
 * says the alert is severe enough. Key instants are set with provenance (never over a person's),
 * and a postmortem of the incident gets the signals as proposed timeline events. One
 * transaction; audited as `incident.signal_received` with no actor.
 */
export async function receiveSignal(
  deps: AppDeps,
  integration: Pick<IntegrationRecord, 'id' | 'kind' | 'name'>,
  converted: ImportResult,
  payload: unknown,
): Promise<SignalOutcome> {
  // Cleaned before anything is stored: a NUL in an annotation is dropped here exactly as in a
  // file import, instead of failing the insert.
  const result = {
    ...converted,
    events: converted.events.map((event) => cleanImportedEvent(event, event.sourceRef)),
  };
  if (result.events.length === 0) {
    return {
      ignored: true,
      reason: result.warnings[0]?.message ?? 'The delivery holds no event to record.',
    };
  }
  const intake = deps.policy.intake;
  return inTransaction(deps, async (tx): Promise<SignalOutcome> => {
    await incidentSignalsRepository.lockIntake(tx.db, `intake:${result.source}`);
    const fresh = [];
    let knownIncidentId: string | undefined;
    for (const event of result.events) {
      const known = await incidentSignalsRepository.findByExternalId(
        tx.db,
        result.source,
        event.externalId,
      );
      if (known) {
        knownIncidentId ??= known.incidentId;
      } else {
        fresh.push(event);
      }
    }
    const facts = signalFacts(result.events, intake);
    const now = tx.clock();
    let incidentId =
      knownIncidentId ?? (await findIncident(tx, result.source, facts.dedupKeys, facts.services));
    let incidentOpened = false;
    if (incidentId === undefined) {
      if (!facts.hasDetection || !opensIncident(facts.severity, intake)) {
        const reason = !facts.hasDetection
          ? 'No open incident matches, and the delivery reports no new alert.'
          : `No open incident matches, and severity ${facts.vendorSeverity ?? '(none)'} is below the policy's threshold.`;
        return { ignored: true, reason };
      }
      incidentId = await openSignalIncident(tx, integration, facts);
      incidentOpened = true;
    }
    const stored = [];
    const storedEvents = [];
    for (const event of fresh) {
      const record = {
        id: tx.newId(),
        incidentId,
        integrationId: integration.id,
        source: result.source,
        externalId: event.externalId,
        dedupKey: typeof event.details.dedupKey === 'string' ? event.details.dedupKey : null,
        occurredAt: event.occurredAt,
        originalTimestamp: event.originalTimestamp,
        kind: event.kind,
        text: event.text,
        actor: event.actor,
        details: {
          ...event.details,
          sourceRef: event.sourceRef,
          rawRef: event.rawRef,
          originalZone: event.originalZone,
          ambiguities: event.ambiguities,
        },
        payload,
        receivedAt: now,
      };
      if (await incidentSignalsRepository.insertIfNew(tx.db, record)) {
        stored.push(record);
        storedEvents.push(event);
      }
    }
    await incidentSignalsRepository.lockIncident(tx.db, incidentId);
    const [incident] = await incidentsRepository.findIncidentsByIds(tx.db, [incidentId]);
    const freshIds = new Set(stored.map((signal) => signal.externalId));
    const proposals = result.instants.filter((proposal) =>
      freshIds.has(proposal.evidenceExternalId),
    );
    let outcomes: InstantOutcome[] = [];
    if (incident && proposals.length > 0) {
      const applied = applySignalInstants(incident, proposals);
      outcomes = applied.outcomes;
      if (outcomes.some((outcome) => outcome.outcome === 'set')) {
        await incidentsRepository.updateIncident(
          tx.db,
          {
            ...incident,
            instants: applied.instants,
            status: statusFromInstants(applied.instants),
            updatedAt: now,
          },
          incident.version,
        );
      }
    }
    let timelineEventsProposed = 0;
    for (const postmortemId of await incidentSignalsRepository.listOpenPostmortemIds(
      tx.db,
      incidentId,
    )) {
      const counts = await proposeTimelineEvents(tx, {
        postmortemId,
        source: result.source,
        events: storedEvents,
        actorId: null,
        inputName: `webhook:${integration.kind}`,
        audit: { data: { integrationId: integration.id } },
      });
      timelineEventsProposed += counts.proposed;
    }
    if (stored.length > 0) {
      await recordAudit(tx, {
        actorId: null,
        action: 'incident.signal_received',
        subjectType: 'incident',
        subjectId: incidentId,
        incidentId,
        data: {
          integrationId: integration.id,
          integrationKind: integration.kind,
          externalIds: stored.map((signal) => signal.externalId),
          instants: outcomes,
        },
      });
    }
    return {
      ignored: false,
      incidentId,
      incidentOpened,
      signalsStored: stored.length,
      duplicates: result.events.length - stored.length,
      instants: outcomes,
      timelineEventsProposed,
    };
  });
}
