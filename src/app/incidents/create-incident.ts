import type { CreateIncidentBody } from '../../contracts/incident.ts';
import { can } from '../../domain/authorization.ts';
import { DomainError } from '../../domain/errors.ts';
import { type Incident, isRestrictedByDefault, statusFromInstants } from '../../domain/incident.ts';
import type { Actor } from '../../domain/user.ts';
import { incidentsRepository } from '../../storage/repositories/incidents-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { checkIncident } from './check-incident.ts';
import { mergeKeyInstants } from './key-instants-input.ts';

/** Records a new incident; the creator is always one of its members. */
export async function createIncident(
  deps: AppDeps,
  actor: Actor,
  input: CreateIncidentBody,
): Promise<Incident> {
  if (!can(actor, 'incident.create')) {
    throw new DomainError('FORBIDDEN', 'Your role cannot create incidents.');
  }
  return inTransaction(deps, async (tx) => {
    const now = tx.clock();
    const instants = mergeKeyInstants({}, input.instants);
    const draft: Incident = {
      id: tx.newId(),
      number: 0,
      title: input.title,
      summary: input.summary,
      kind: input.kind,
      severity: input.severity,
      potentialSeverity: input.potentialSeverity,
      isDrill: input.isDrill,
      status: statusFromInstants(instants),
      services: input.services,
      restricted: input.restricted ?? isRestrictedByDefault(input.kind),
      instants,
      memberIds: [...new Set([actor.id, ...input.memberIds])],
      createdById: actor.id,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    checkIncident(draft);
    const incident = await incidentsRepository.insertIncident(tx.db, draft);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'incident.created',
      subjectType: 'incident',
      subjectId: incident.id,
      incidentId: incident.id,
      data: { kind: incident.kind, severity: incident.severity, restricted: incident.restricted },
    });
    return incident;
  });
}
