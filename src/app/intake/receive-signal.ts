import { lastAlertResolution } from '../../domain/alert-resolution.ts';
import { statusFromInstants } from '../../domain/incident.ts';
import type {
  ImportedEvent,
  ImportResult,
  KeyInstantProposal,
} from '../../importers/imported-event.ts';
import { incidentSignalsRepository } from '../../storage/repositories/incident-signals-repository.ts';
import { incidentsRepository } from '../../storage/repositories/incidents-repository.ts';
import type { IntegrationRecord } from '../../storage/repositories/integrations-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { cleanImportedEvent } from '../timeline/clean-imported-event.ts';
import { proposeTimelineEvents } from '../timeline/propose-timeline-events.ts';
import { applySignalInstants, type InstantOutcome } from './apply-signal-instants.ts';
import { routeAlert } from './route-alert.ts';

/** What intake did with the alerts of one delivery that went to one incident. */
export interface IncidentIntake {
  incidentId: string;
  opened: boolean;
  /** Attached to an incident that had already resolved, within the policy's grace period. */
  late: boolean;
  /** The dedup keys (Alertmanager fingerprints, …) of the alerts that went to it. */
  alerts: string[];
  signalsStored: number;
  instants: InstantOutcome[];
  timelineEventsProposed: number;
}

/** What intake did with one delivery. */
export type SignalOutcome =
  | { ignored: true; reason: string }
  | {
      ignored: false;
      /** The first incident the delivery went to (the only one, unless it grouped alerts). */
      incidentId: string;
      incidentOpened: boolean;
      signalsStored: number;
      duplicates: number;
      instants: InstantOutcome[];
      timelineEventsProposed: number;
      /** One entry per incident: a grouped notification may feed several. */
      incidents: IncidentIntake[];
      /** Alerts of the delivery that went to no incident, with the reason. */
      ignoredAlerts: Array<{ alert: string; reason: string }>;
    };

/**
 * The alerts of a delivery: its events by dedup key (Alertmanager's fingerprint, PagerDuty's
 * incident, …). Events without a key stay together, as one alert.
 */
function alertsOf(events: ImportedEvent[]): Map<string, ImportedEvent[]> {
  const alerts = new Map<string, ImportedEvent[]>();
  for (const event of events) {
    const key = typeof event.details.dedupKey === 'string' ? event.details.dedupKey : '';
    alerts.set(key, [...(alerts.get(key) ?? []), event]);
  }
  return alerts;
}

const alertKinds = new Set(['detection', 'resolution']);

/**
 * The key-instant proposals for one incident from the alerts that went to it. Per alert:
 * detected at its earliest firing; resolved only when the LAST alert attached to the incident
 * (from any delivery) has resolved, at the latest resolution. Other proposals (an
 * acknowledgement) pass when their evidence went to this incident.
 */
async function proposalsFor(
  tx: AppDeps,
  incidentId: string,
  result: ImportResult,
  fresh: Set<string>,
): Promise<KeyInstantProposal[]> {
  const keyed = result.events.every((event) => typeof event.details.dedupKey === 'string');
  if (!keyed) {
    return result.instants.filter((proposal) => fresh.has(proposal.evidenceExternalId));
  }
  const proposals = result.instants.filter(
    (proposal) =>
      proposal.name !== 'detected_at' &&
      proposal.name !== 'resolved_at' &&
      fresh.has(proposal.evidenceExternalId),
  );
  const firing = result.events
    .filter((event) => event.kind === 'detection' && fresh.has(event.externalId))
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime())[0];
  if (firing) {
    proposals.push({
      name: 'detected_at',
      at: firing.occurredAt,
      source: result.source,
      evidenceExternalId: firing.externalId,
    });
  }
  const signals = await incidentSignalsRepository.listByIncidents(tx.db, [incidentId]);
  const resolution = lastAlertResolution(
    signals
      // The source's own alerts decide: Alertmanager resolving its last alert resolves the
      // incident even while a page about it is still open elsewhere.
      .filter(
        (signal) =>
          signal.source === result.source &&
          signal.dedupKey !== null &&
          alertKinds.has(signal.kind),
      )
      .map((signal) => ({
        alertKey: `${signal.source}:${signal.dedupKey}`,
        kind: signal.kind,
        occurredAt: signal.occurredAt,
        externalId: signal.externalId,
      })),
  );
  if (resolution && fresh.has(resolution.externalId)) {
    proposals.push({
      name: 'resolved_at',
      at: resolution.at,
      source: result.source,
      evidenceExternalId: resolution.externalId,
    });
  }
  return proposals;
}

/**
 * Records one converted webhook delivery, deciding PER ALERT (a grouped Alertmanager
 * notification carries several): each alert is stored idempotently by `(source, external_id)`
 * and attached to its incident — the open one of its dedup key or services, one resolved within
 * the policy's grace period (a late signal), or a new one when it is severe enough
 * (`routeAlert`). Per incident, key instants are set with provenance (never over a person's;
 * resolved only when its last alert resolves), and its postmortems get the signals as proposed
 * timeline events. One transaction; audited as `incident.signal_received` with no actor.
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
    const routed = new Map<
      string,
      { opened: boolean; late: boolean; alerts: string[]; events: ImportedEvent[] }
    >();
    const ignoredAlerts: Array<{ alert: string; reason: string }> = [];
    for (const [alert, events] of alertsOf(result.events)) {
      const route = await routeAlert(tx, integration, result.source, events, intake);
      if (route.incidentId === null) {
        ignoredAlerts.push({ alert, reason: route.reason });
        continue;
      }
      const held = routed.get(route.incidentId) ?? {
        opened: route.opened,
        late: route.late,
        alerts: [],
        events: [],
      };
      held.alerts.push(alert);
      held.events.push(...events);
      routed.set(route.incidentId, held);
    }
    const [firstIgnored] = ignoredAlerts;
    if (routed.size === 0) {
      return { ignored: true, reason: firstIgnored?.reason ?? 'No incident matches.' };
    }
    const now = tx.clock();
    const incidents: IncidentIntake[] = [];
    for (const [incidentId, share] of routed) {
      const stored = [];
      const storedEvents = [];
      for (const event of share.events) {
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
      const fresh = new Set(stored.map((signal) => signal.externalId));
      const proposals = await proposalsFor(
        tx,
        incidentId,
        { ...result, events: share.events },
        fresh,
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
            ...(share.late ? { late: true } : {}),
          },
        });
      }
      incidents.push({
        incidentId,
        opened: share.opened,
        late: share.late,
        alerts: share.alerts,
        signalsStored: stored.length,
        instants: outcomes,
        timelineEventsProposed,
      });
    }
    const [first] = incidents;
    const signalsStored = incidents.reduce((sum, one) => sum + one.signalsStored, 0);
    const routedEvents = [...routed.values()].reduce((sum, one) => sum + one.events.length, 0);
    return {
      ignored: false,
      incidentId: first?.incidentId ?? '',
      incidentOpened: first?.opened ?? false,
      signalsStored,
      duplicates: routedEvents - signalsStored,
      instants: incidents.flatMap((one) => one.instants),
      timelineEventsProposed: incidents.reduce((sum, one) => sum + one.timelineEventsProposed, 0),
      incidents,
      ignoredAlerts,
    };
  });
}
