import {
  type IncidentKind,
  type InstantPrecision,
  type KeyInstantName,
  keyInstantNames,
  type Severity,
} from '../../../domain/incident.ts';
import type { Incident, UpdateIncidentInput } from '../../api/incidents-api.ts';
import { isoToLocalInput, localInputToIso } from '../../lib/datetime.ts';
import { parseServices } from './incident-form-to-body.ts';

/** One key instant as edited: a `datetime-local` value and its provenance. */
export interface KeyInstantValues {
  at: string;
  source: string;
  precision: InstantPrecision;
}

/** The incident edit form as typed. */
export interface EditIncidentValues {
  title: string;
  summary: string;
  kind: IncidentKind;
  severity: Severity;
  potentialSeverity: Severity;
  services: string;
  isDrill: boolean;
  restricted: boolean;
  memberIds: string[];
  instants: Record<KeyInstantName, KeyInstantValues>;
}

/** The form's starting values: the incident as stored, times in the browser's zone. */
export function incidentToValues(incident: Incident): EditIncidentValues {
  const instants = Object.fromEntries(
    keyInstantNames.map((name) => {
      const instant = incident.instants[name];
      return [
        name,
        {
          at: isoToLocalInput(instant?.at),
          source: instant?.source ?? 'manual',
          precision: instant?.precision ?? 'exact',
        },
      ];
    }),
  ) as Record<KeyInstantName, KeyInstantValues>;
  return {
    title: incident.title,
    summary: incident.summary,
    kind: incident.kind,
    severity: incident.severity,
    potentialSeverity: incident.potentialSeverity ?? 'sev2',
    services: incident.services.join(', '),
    isDrill: incident.isDrill,
    restricted: incident.restricted,
    memberIds: incident.memberIds,
    instants,
  };
}

function sameMembers(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

function sameInstant(a: KeyInstantValues, b: KeyInstantValues): boolean {
  return a.at === b.at && a.source === b.source && a.precision === b.precision;
}

/**
 * The `PATCH /incidents/{id}` body: every field, but only the key instants and access that changed, so
 * that an instant set meanwhile by an alert is not overwritten with the value first read.
 * An emptied time clears the instant.
 */
export function valuesToUpdate(
  initial: EditIncidentValues,
  values: EditIncidentValues,
): UpdateIncidentInput {
  const instants: NonNullable<UpdateIncidentInput['instants']> = {};
  for (const name of keyInstantNames) {
    const before = initial.instants[name];
    const after = values.instants[name];
    if (sameInstant(before, after)) {
      continue;
    }
    const at = localInputToIso(after.at);
    instants[name] = at
      ? { at, source: after.source.trim() || 'manual', precision: after.precision }
      : null;
  }
  return {
    title: values.title,
    summary: values.summary,
    kind: values.kind,
    severity: values.severity,
    potentialSeverity: values.kind === 'near_miss' ? values.potentialSeverity : null,
    services: parseServices(values.services),
    isDrill: values.isDrill,
    // Access is sent only when it changes: changing it needs a right that editing does not.
    ...(values.restricted !== initial.restricted ? { restricted: values.restricted } : {}),
    ...(sameMembers(initial.memberIds, values.memberIds) ? {} : { memberIds: values.memberIds }),
    instants,
  };
}
