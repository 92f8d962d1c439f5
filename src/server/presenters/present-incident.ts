import type { IncidentView } from '../../app/incidents/read-incidents.ts';
import type { IncidentDto } from '../../contracts/incident.ts';
import { can } from '../../domain/authorization.ts';
import { type Policy, reasonsPostmortemRequired } from '../../domain/policy.ts';
import { formatRecordNumber } from '../../domain/record-number.ts';
import type { Actor } from '../../domain/user.ts';

/** An incident for the API, with the viewer's abilities. */
export function presentIncident(view: IncidentView, viewer: Actor, policy: Policy) {
  const { incident } = view;
  const reasons = reasonsPostmortemRequired(policy, incident);
  const data: IncidentDto = {
    id: incident.id,
    number: formatRecordNumber(incident.number),
    title: incident.title,
    summary: incident.summary,
    kind: incident.kind,
    severity: incident.severity,
    potentialSeverity: incident.potentialSeverity,
    isDrill: incident.isDrill,
    status: incident.status,
    services: incident.services,
    restricted: incident.restricted,
    instants: Object.fromEntries(
      Object.entries(incident.instants).map(([name, instant]) => [
        name,
        { at: instant.at.toISOString(), source: instant.source, precision: instant.precision },
      ]),
    ),
    memberIds: incident.memberIds,
    postmortemRequired: reasons.length > 0,
    postmortemRequiredReasons: reasons,
    postmortemIds: view.postmortemIds,
    version: incident.version,
    createdAt: incident.createdAt.toISOString(),
    updatedAt: incident.updatedAt.toISOString(),
  };
  return {
    data,
    abilities: {
      update: can(viewer, 'incident.update', incident),
      // Restriction and members: admins, or members of an already restricted incident.
      manageMembers: can(viewer, 'incident.manage_members', incident),
      openPostmortem: can(viewer, 'postmortem.create') && can(viewer, 'incident.read', incident),
    },
  };
}
