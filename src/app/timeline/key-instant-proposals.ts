import { DomainError } from '../../domain/errors.ts';
import type { Incident } from '../../domain/incident.ts';
import {
  instantHints,
  type KeyInstantCandidate,
  type ProposableInstant,
  proposeKeyInstants,
} from '../../domain/key-instant-proposals.ts';
import type { Actor } from '../../domain/user.ts';
import { incidentsRepository } from '../../storage/repositories/incidents-repository.ts';
import { timelineRepository } from '../../storage/repositories/parts-repositories.ts';
import { timelineQueriesRepository } from '../../storage/repositories/timeline-queries-repository.ts';
import type { AppDeps } from '../app-deps.ts';
import { inTransaction } from '../in-transaction.ts';
import { updateIncident } from '../incidents/update-incident.ts';
import { loadPostmortemFor } from '../postmortems/load-postmortem.ts';

/** The incident whose instants a postmortem's timeline proposes: the one it reviews (the first). */
async function primaryIncident(
  deps: AppDeps,
  actor: Actor,
  incidentIds: string[],
): Promise<Incident> {
  const id = incidentIds[0];
  const incident = id
    ? await incidentsRepository.findVisibleIncident(deps.db, actor, id)
    : undefined;
  if (!incident) {
    throw new DomainError('NOT_FOUND', 'Incident not found.');
  }
  return incident;
}

/** Key instants proposed from the ACCEPTED timeline, with evidence and the incident's values. */
export async function listKeyInstantProposals(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
): Promise<{ incidentId: string; proposals: KeyInstantCandidate[] }> {
  return inTransaction(deps, async (tx) => {
    const postmortem = await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.read');
    const incident = await primaryIncident(tx, actor, postmortem.incidentIds);
    const accepted = await timelineQueriesRepository.listAccepted(tx.db, postmortemId);
    return { incidentId: incident.id, proposals: proposeKeyInstants(accepted, incident.instants) };
  });
}

/**
 * A person confirms a proposal: the incident's instant is set from an ACCEPTED event of this
 * postmortem, with provenance (the event's source, exact), through the incident update use case
 * (versioned and audited).
 */
export async function confirmKeyInstant(
  deps: AppDeps,
  actor: Actor,
  postmortemId: string,
  input: { name: ProposableInstant; eventId: string },
): Promise<Incident> {
  return inTransaction(deps, async (tx) => {
    const postmortem = await loadPostmortemFor(tx, actor, postmortemId, 'postmortem.update');
    const event = await timelineRepository.findById(tx.db, input.eventId);
    if (!event || event.postmortemId !== postmortemId) {
      throw new DomainError('NOT_FOUND', 'Timeline event not found.');
    }
    if (event.status !== 'accepted') {
      throw new DomainError('INVARIANT_VIOLATED', 'Only accepted events can set a key instant.', {
        details: { rule: 'EVENT_NOT_ACCEPTED', eventId: event.id, status: event.status },
      });
    }
    // The instant and precision the event itself stands for (the last line of an error burst,
    // a metric returning): confirming sets exactly what was proposed.
    const hint = instantHints(event).find((candidate) => candidate.name === input.name);
    const incident = await primaryIncident(tx, actor, postmortem.incidentIds);
    return updateIncident(tx, actor, incident.id, incident.version, {
      instants: {
        [input.name]: {
          at: (hint?.at ?? event.occurredAt).toISOString(),
          source: event.source,
          precision: hint?.precision ?? 'exact',
        },
      },
    });
  });
}
