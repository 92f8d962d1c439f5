import type { Incident } from '../../api/incidents-api.ts';
import { incidentLabels } from './labels.ts';
import { SeverityBadge } from './SeverityBadge.tsx';

/** An incident's fields as a description list. */
export function IncidentDetails({ incident }: { incident: Incident }) {
  return (
    <dl className="details">
      <dt>Kind</dt>
      <dd>{incidentLabels.kind[incident.kind]}</dd>
      <dt>Severity</dt>
      <dd>
        <SeverityBadge severity={incident.severity} />
      </dd>
      {incident.potentialSeverity && (
        <>
          <dt>Potential severity</dt>
          <dd>
            <SeverityBadge severity={incident.potentialSeverity} />
          </dd>
        </>
      )}
      <dt>Status</dt>
      <dd>{incidentLabels.status[incident.status]}</dd>
      <dt>Services</dt>
      <dd>{incident.services.join(', ') || '—'}</dd>
      <dt>Drill</dt>
      <dd>{incident.isDrill ? 'Yes' : 'No'}</dd>
      <dt>Visibility</dt>
      <dd>{incident.restricted ? 'Restricted to members and admins' : 'Everyone signed in'}</dd>
      <dt>Postmortem</dt>
      <dd>
        {incident.postmortemRequired
          ? `Required (${incident.postmortemRequiredReasons.join('; ')})`
          : 'Not required by policy'}
      </dd>
      {incident.summary && (
        <>
          <dt>Summary</dt>
          <dd className="prewrap">{incident.summary}</dd>
        </>
      )}
    </dl>
  );
}
