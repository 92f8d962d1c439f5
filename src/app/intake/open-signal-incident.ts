import type { Incident } from '../../domain/incident.ts';
import { incidentsRepository } from '../../storage/repositories/incidents-repository.ts';
import type { IntegrationRecord } from '../../storage/repositories/integrations-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import type { SignalFacts } from './signal-facts.ts';

/**
 * Opens the incident an alert reports (kind outage, title and services from the alert,
 * severity through the policy map), in the caller's transaction; audited with no actor.
 */
export async function openSignalIncident(
  tx: AppDeps,
  integration: Pick<IntegrationRecord, 'id' | 'kind' | 'name'>,
  facts: SignalFacts,
): Promise<string> {
  const now = tx.clock();
  const incident: Incident = {
    id: tx.newId(),
    number: 0,
    title: facts.title,
    summary: `Opened by the ${integration.kind} integration "${integration.name}".`,
    kind: 'outage',
    severity: facts.severity ?? 'sev4',
    potentialSeverity: null,
    isDrill: false,
    status: 'open',
    services: facts.services,
    restricted: false,
    instants: {},
    memberIds: [],
    createdById: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const { id } = await incidentsRepository.insertIncident(tx.db, incident);
  await recordAudit(tx, {
    actorId: null,
    action: 'incident.created',
    subjectType: 'incident',
    subjectId: id,
    incidentId: id,
    data: { kind: incident.kind, severity: incident.severity, integrationId: integration.id },
  });
  return id;
}
