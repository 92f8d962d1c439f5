import type { Policy } from '../../domain/policy.ts';
import type { ImportedEvent } from '../../importers/imported-event.ts';
import { incidentSignalsRepository } from '../../storage/repositories/incident-signals-repository.ts';
import type { IntegrationRecord } from '../../storage/repositories/integrations-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { openSignalIncident } from './open-signal-incident.ts';
import { opensIncident, signalFacts } from './signal-facts.ts';

/** Minutes after resolution a late signal still joins its incident, when the policy is silent. */
export const defaultLateSignalGraceMinutes = 60;

/** Where one alert of a delivery goes. */
export type AlertRoute =
  | { incidentId: string; opened: boolean; late: boolean }
  | { incidentId: null; reason: string };

/**
 * Decides for ONE alert (the events of one dedup key) where it belongs, in this order: the
 * incident a signal of it is already stored with; the open incident with its dedup key, then
 * one on its services; an incident resolved no longer than the policy's grace before the alert's
 * earliest instant, by dedup key, then by services (a late `resolved`, a flapping alert); else a
 * new incident when it reports a detection at or above the policy's severity.
 */
export async function routeAlert(
  tx: AppDeps,
  integration: Pick<IntegrationRecord, 'id' | 'kind' | 'name'>,
  source: string,
  events: ImportedEvent[],
  intake: Policy['intake'],
): Promise<AlertRoute> {
  for (const event of events) {
    const known = await incidentSignalsRepository.findByExternalId(tx.db, source, event.externalId);
    if (known) {
      return { incidentId: known.incidentId, opened: false, late: false };
    }
  }
  const facts = signalFacts(events, intake);
  for (const key of facts.dedupKeys) {
    const id = await incidentSignalsRepository.findOpenIncidentByDedupKey(tx.db, source, key);
    if (id) {
      return { incidentId: id, opened: false, late: false };
    }
  }
  const byServices = await incidentSignalsRepository.findOpenIncidentByServices(
    tx.db,
    facts.services,
  );
  if (byServices) {
    return { incidentId: byServices, opened: false, late: false };
  }
  const graceMs = (intake.lateSignalGraceMinutes ?? defaultLateSignalGraceMinutes) * 60_000;
  if (graceMs > 0) {
    const earliest = Math.min(...events.map((event) => event.occurredAt.getTime()));
    const resolvedSince = new Date(earliest - graceMs);
    for (const key of facts.dedupKeys) {
      const id = await incidentSignalsRepository.findResolvedIncidentByDedupKey(
        tx.db,
        source,
        key,
        resolvedSince,
      );
      if (id) {
        return { incidentId: id, opened: false, late: true };
      }
    }
    const resolved = await incidentSignalsRepository.findResolvedIncidentByServices(
      tx.db,
      facts.services,
      resolvedSince,
    );
    if (resolved) {
      return { incidentId: resolved, opened: false, late: true };
    }
  }
  if (!facts.hasDetection || !opensIncident(facts.severity, intake)) {
    return {
      incidentId: null,
      reason: !facts.hasDetection
        ? 'No open incident matches, and the delivery reports no new alert.'
        : `No open incident matches, and severity ${facts.vendorSeverity ?? '(none)'} is below the policy's threshold.`,
    };
  }
  return {
    incidentId: await openSignalIncident(tx, integration, facts),
    opened: true,
    late: false,
  };
}
