import type { ListIncidentsQuery } from '../../contracts/incident.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Incident } from '../../domain/incident.ts';
import type { Actor } from '../../domain/user.ts';
import { incidentsRepository } from '../../storage/repositories/incidents-repository.ts';
import { postmortemsRepository } from '../../storage/repositories/postmortems-repository.ts';
import type { AppDeps } from '../app-deps.ts';

/** An incident with the ids of the postmortems the viewer may see. */
export interface IncidentView {
  incident: Incident;
  postmortemIds: string[];
}

/** One incident the actor may see; NOT_FOUND otherwise (restricted ones do not exist for others). */
export async function getIncident(deps: AppDeps, actor: Actor, id: string): Promise<IncidentView> {
  const incident = await incidentsRepository.findVisibleIncident(deps.db, actor, id);
  if (!incident) {
    throw new DomainError('NOT_FOUND', 'Incident not found.');
  }
  const postmortems = await postmortemsRepository.listVisibleIdsByIncident(deps.db, actor, [id]);
  return { incident, postmortemIds: postmortems.get(id) ?? [] };
}

const startOf = (value: string) => new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
const endOf = (value: string) =>
  value.length === 10 ? new Date(startOf(value).getTime() + 86_400_000) : new Date(value);

/** A page of incidents the actor may see, filtered as asked. */
export async function listIncidents(deps: AppDeps, actor: Actor, query: ListIncidentsQuery) {
  const page = await incidentsRepository.listVisibleIncidents(
    deps.db,
    actor,
    {
      kinds: query.kind,
      severities: query.severity,
      statuses: query.status,
      service: query.service,
      startedFrom: query.from ? startOf(query.from) : undefined,
      startedBefore: query.to ? endOf(query.to) : undefined,
      text: query.q,
      isDrill: query.isDrill,
    },
    { cursor: query.cursor, limit: query.limit },
  );
  const postmortems = await postmortemsRepository.listVisibleIdsByIncident(
    deps.db,
    actor,
    page.items.map((i) => i.id),
  );
  return {
    items: page.items.map((incident) => ({
      incident,
      postmortemIds: postmortems.get(incident.id) ?? [],
    })),
    nextCursor: page.nextCursor,
    total: page.total,
  };
}
