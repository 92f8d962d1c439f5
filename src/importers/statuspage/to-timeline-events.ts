import { fieldError } from '../alertmanager/payload-text.ts';
import { type PreciseInstant, parseRfc3339 } from '../alertmanager/rfc3339.ts';
import type { ImportedEvent, ImportResult } from '../imported-event.ts';
import type { StatuspagePayload } from './payload-schema.ts';

function readInstant(text: string, fileName: string, path: string): PreciseInstant {
  const instant = parseRfc3339(text);
  if (instant === null) {
    throw fieldError(
      fileName,
      path,
      'invalid_timestamp',
      `not an ISO 8601 instant: ${text.slice(0, 40)}`,
    );
  }
  return instant;
}

/**
 * Statuspage notifications: one communication per incident update (oldest first, whatever the
 * sender's order), a resolution for the `resolved` update, one event per component change.
 */
export function statuspageToTimelineEvents(
  payload: StatuspagePayload,
  fileName: string,
): ImportResult {
  const result: ImportResult = { source: 'statuspage', events: [], instants: [], warnings: [] };
  const { incident, component_update: change } = payload;
  if (incident !== undefined) {
    const updates = incident.incident_updates.map((update, index) => ({ update, index }));
    updates.sort(
      (a, b) => a.update.created_at.localeCompare(b.update.created_at) || b.index - a.index,
    );
    for (const { update, index } of updates) {
      const at = readInstant(
        update.created_at,
        fileName,
        `/incident/incident_updates/${index}/created_at`,
      );
      const externalId = `statuspage:update:${update.id}`;
      const resolved = update.status === 'resolved';
      const event: ImportedEvent = {
        externalId,
        occurredAt: at.at,
        originalTimestamp: at.original,
        originalZone: at.zone,
        text: `Status page "${incident.name}" ${update.status}: ${update.body ?? ''}`.trim(),
        kind: resolved ? 'resolution' : 'communication',
        actor: 'Statuspage',
        sourceRef: incident.id,
        rawRef: `${fileName}#/incident/incident_updates/${index}`,
        details: {
          status: update.status,
          dedupKey: incident.id,
          title: incident.name,
          labels: incident.impact ? { severity: incident.impact } : {},
          shortlink: incident.shortlink ?? null,
        },
        ambiguities: [],
      };
      result.events.push(event);
      if (resolved && !result.instants.some((instant) => instant.name === 'resolved_at')) {
        result.instants.push({
          name: 'resolved_at',
          at: at.at,
          source: 'statuspage',
          evidenceExternalId: externalId,
        });
      }
    }
  }
  if (change !== undefined) {
    const at = readInstant(change.created_at, fileName, '/component_update/created_at');
    const name = payload.component?.name ?? change.component_id ?? 'component';
    result.events.push({
      externalId: `statuspage:component:${change.id}`,
      occurredAt: at.at,
      originalTimestamp: at.original,
      originalZone: at.zone,
      text: `Status page component "${name}": ${change.old_status} → ${change.new_status}`,
      kind: 'communication',
      actor: 'Statuspage',
      sourceRef: payload.component?.id ?? change.component_id ?? payload.page.id,
      rawRef: `${fileName}#/component_update`,
      details: {
        oldStatus: change.old_status,
        newStatus: change.new_status,
        title: name,
        labels: { service: name },
      },
      ambiguities: [],
    });
  }
  if (incident === undefined && change === undefined) {
    throw fieldError(
      fileName,
      '/incident',
      'invalid_type',
      'neither an incident nor a component_update',
    );
  }
  return result;
}
