import type { UpdateIncidentBody } from '../../contracts/incident.ts';
import { can, keepsActorInside } from '../../domain/authorization.ts';
import { DomainError } from '../../domain/errors.ts';
import { type Incident, statusFromInstants } from '../../domain/incident.ts';
import type { Actor } from '../../domain/user.ts';
import { incidentsRepository } from '../../storage/repositories/incidents-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { recordAudit } from '../audit.ts';
import { inTransaction } from '../in-transaction.ts';
import { checkIncident } from './check-incident.ts';
import { mergeKeyInstants } from './key-instants-input.ts';

/** Refuses an access change that would leave the actor outside the record it is changing. */
export function assertKeepsActorInside(
  actor: Actor,
  next: { restricted: boolean; memberIds: readonly string[] },
): void {
  if (!keepsActorInside(actor, next)) {
    throw new DomainError('INVARIANT_VIOLATED', 'Keep yourself among the members.', {
      details: { rule: 'ACCESS_CHANGE_EXCLUDES_ACTOR' },
    });
  }
}

/** Changes an incident if `expectedVersion` is still current. */
export async function updateIncident(
  deps: AppDeps,
  actor: Actor,
  id: string,
  expectedVersion: number,
  input: UpdateIncidentBody,
): Promise<Incident> {
  return inTransaction(deps, async (tx) => {
    const current = await incidentsRepository.findVisibleIncident(tx.db, actor, id, {
      forUpdate: true,
    });
    if (!current) {
      throw new DomainError('NOT_FOUND', 'Incident not found.');
    }
    if (!can(actor, 'incident.update', current)) {
      throw new DomainError('FORBIDDEN', 'Your role cannot change incidents.');
    }
    const accessChange = input.restricted !== undefined || input.memberIds !== undefined;
    if (accessChange && !can(actor, 'incident.manage_members', current)) {
      throw new DomainError(
        'FORBIDDEN',
        'Only admins restrict an incident; members of a restricted incident manage its members.',
      );
    }
    if (current.version !== expectedVersion) {
      throw new DomainError('VERSION_MISMATCH', 'Incident was changed by someone else.', {
        details: { currentVersion: current.version, expectedVersion },
      });
    }
    const { instants: instantsInput, memberIds, ...fields } = input;
    const instants = instantsInput
      ? mergeKeyInstants(current.instants, instantsInput)
      : current.instants;
    const next: Incident = {
      ...current,
      ...fields,
      instants,
      status: statusFromInstants(instants),
      memberIds: memberIds ? [...new Set([...memberIds])] : current.memberIds,
      updatedAt: tx.clock(),
    };
    if (input.kind && input.kind !== 'near_miss' && input.potentialSeverity === undefined) {
      next.potentialSeverity = null;
    }
    if (accessChange) {
      assertKeepsActorInside(actor, next);
    }
    checkIncident(next);
    const saved = await incidentsRepository.updateIncident(tx.db, next, expectedVersion);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'incident.updated',
      subjectType: 'incident',
      subjectId: id,
      incidentId: id,
      data: { fields: Object.keys(input), status: saved.status },
    });
    return saved;
  });
}
