import type { TimelineEventKind } from '../../domain/timeline-event.ts';
import { fieldError } from '../alertmanager/payload-text.ts';
import { type PreciseInstant, parseRfc3339 } from '../alertmanager/rfc3339.ts';
import type { ImportedEvent, ImportResult, KeyInstantProposal } from '../imported-event.ts';
import type { PagerdutyV2Payload, PagerdutyV3Payload } from './payload-schema.ts';

const v3Kinds: Record<string, TimelineEventKind> = {
  'incident.triggered': 'detection',
  'incident.reopened': 'detection',
  'incident.acknowledged': 'escalation',
  'incident.unacknowledged': 'escalation',
  'incident.escalated': 'escalation',
  'incident.reassigned': 'escalation',
  'incident.delegated': 'escalation',
  'incident.priority_updated': 'escalation',
  'incident.responder.added': 'escalation',
  'incident.resolved': 'resolution',
  'incident.annotated': 'communication',
  'incident.status_update_published': 'communication',
};

const v2Kinds: Record<string, TimelineEventKind> = {
  trigger_log_entry: 'detection',
  acknowledge_log_entry: 'escalation',
  escalate_log_entry: 'escalation',
  assign_log_entry: 'escalation',
  resolve_log_entry: 'resolution',
  annotate_log_entry: 'communication',
};

const instantOf: Partial<Record<string, KeyInstantProposal['name']>> = {
  'incident.triggered': 'detected_at',
  'incident.acknowledged': 'acknowledged_at',
  'incident.resolved': 'resolved_at',
  trigger_log_entry: 'detected_at',
  acknowledge_log_entry: 'acknowledged_at',
  resolve_log_entry: 'resolved_at',
};

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

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** One PagerDuty v3 event: the incident, or `{incident, content}` for notes and status updates. */
export function pagerdutyV3ToTimelineEvents(
  payload: PagerdutyV3Payload,
  fileName: string,
): ImportResult {
  const { event } = payload;
  const at = readInstant(event.occurred_at, fileName, '/event/occurred_at');
  const data = record(event.data);
  const incidentRef = record(data.incident);
  const isIncident = data.type === 'incident';
  const incidentId = (isIncident ? str(data.id) : str(incidentRef.id)) ?? 'unknown';
  const title = (isIncident ? str(data.title) : str(incidentRef.summary)) ?? incidentId;
  const note = str(data.content) ?? str(data.message);
  const kind = v3Kinds[event.event_type] ?? 'observation';
  const verb = event.event_type.replace(/^incident\./, '').replace(/_/g, ' ');
  const priority = str(record(data.priority).summary);
  const service = str(record(data.service).summary);
  const urgency = str(data.urgency);
  const text =
    note === undefined
      ? `PagerDuty incident ${verb}: ${title}${event.event_type === 'incident.priority_updated' && priority ? ` (priority ${priority})` : ''}`
      : `PagerDuty ${verb} on "${title}": ${note}`;
  const labels: Record<string, string> = {};
  if (urgency !== undefined) {
    labels.severity = urgency;
  }
  if (service !== undefined) {
    labels.service = service;
  }
  const externalId = `pagerduty:${event.id}`;
  const imported: ImportedEvent = {
    externalId,
    occurredAt: at.at,
    originalTimestamp: at.original,
    originalZone: at.zone,
    text,
    kind,
    actor: event.agent?.summary ?? null,
    sourceRef: incidentId,
    rawRef: `${fileName}#/event`,
    details: {
      eventType: event.event_type,
      dedupKey: incidentId,
      title,
      labels,
      incidentNumber: isIncident ? (data.number ?? null) : null,
      status: str(data.status) ?? null,
      priority: priority ?? null,
      htmlUrl: str(data.html_url) ?? str(incidentRef.html_url) ?? null,
    },
    ambiguities: [],
  };
  const instantName = instantOf[event.event_type];
  const instants: KeyInstantProposal[] =
    instantName !== undefined
      ? [{ name: instantName, at: at.at, source: 'pagerduty', evidenceExternalId: externalId }]
      : [];
  return { source: 'pagerduty', events: [imported], instants, warnings: [] };
}

/** The legacy v2 `messages[]`: one event per log entry (messages without entries are reported). */
export function pagerdutyV2ToTimelineEvents(
  payload: PagerdutyV2Payload,
  fileName: string,
): ImportResult {
  const result: ImportResult = { source: 'pagerduty', events: [], instants: [], warnings: [] };
  payload.messages.forEach((message, m) => {
    if (message.log_entries === undefined || message.log_entries.length === 0) {
      result.warnings.push({
        code: 'NO_LOG_ENTRIES',
        message: `Legacy message ${message.event} carries no log entries; nothing to date it by.`,
        where: `${fileName}#/messages/${m}`,
      });
      return;
    }
    message.log_entries.forEach((entry, e) => {
      const pointer = `/messages/${m}/log_entries/${e}`;
      const at = readInstant(entry.created_at, fileName, `${pointer}/created_at`);
      const kind = v2Kinds[entry.type] ?? 'observation';
      const incidentId = entry.incident?.id ?? message.incident?.id ?? 'unknown';
      const title = entry.incident?.summary ?? entry.channel?.summary ?? incidentId;
      const externalId = `pagerduty:log:${entry.id}`;
      result.events.push({
        externalId,
        occurredAt: at.at,
        originalTimestamp: at.original,
        originalZone: at.zone,
        text: `PagerDuty ${entry.summary ?? entry.type}: ${title}`,
        kind,
        actor: entry.agent?.summary ?? null,
        sourceRef: incidentId,
        rawRef: `${fileName}#${pointer}`,
        details: {
          eventType: message.event,
          logEntryType: entry.type,
          dedupKey: incidentId,
          title,
          labels: entry.service?.summary === undefined ? {} : { service: entry.service.summary },
        },
        ambiguities: [],
      });
      const instantName = instantOf[entry.type];
      if (instantName !== undefined) {
        result.instants.push({
          name: instantName,
          at: at.at,
          source: 'pagerduty',
          evidenceExternalId: externalId,
        });
      }
    });
  });
  return result;
}
