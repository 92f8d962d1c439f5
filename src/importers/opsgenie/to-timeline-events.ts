import type { TimelineEventKind } from '../../domain/timeline-event.ts';
import { fieldError } from '../alertmanager/payload-text.ts';
import type { ImportResult, KeyInstantProposal } from '../imported-event.ts';
import type { OpsgeniePayload } from './payload-schema.ts';

const kinds: Record<string, TimelineEventKind> = {
  Create: 'detection',
  Acknowledge: 'escalation',
  UnAcknowledge: 'escalation',
  Escalate: 'escalation',
  AssignOwnership: 'escalation',
  TakeOwnership: 'escalation',
  AddRecipient: 'escalation',
  AddTeam: 'escalation',
  AddResponder: 'escalation',
  Close: 'resolution',
  AddNote: 'communication',
};

const instantOf: Partial<Record<string, KeyInstantProposal['name']>> = {
  Create: 'detected_at',
  Acknowledge: 'acknowledged_at',
  Close: 'resolved_at',
};

const lowest = 946_684_800_000n; // 2000-01-01 in ms: anything earlier is not a real alert time
const highest = 253_402_300_799_999n; // 9999-12-31

/**
 * Reads an Opsgenie epoch: 13 digits are milliseconds, 19 nanoseconds. Returns the millisecond
 * instant; the exact text is kept by the caller.
 */
function epochMillis(value: string | number, fileName: string, path: string): Date {
  const digits = String(value);
  const ms = digits.length > 16 ? BigInt(digits) / 1_000_000n : BigInt(digits);
  if (ms < lowest || ms > highest) {
    throw fieldError(fileName, path, 'invalid_timestamp', `not a plausible epoch: ${digits}`);
  }
  return new Date(Number(ms));
}

/** One Opsgenie alert action as one event, timed by `updatedAt` (ns) or else `createdAt` (ms). */
export function opsgenieToTimelineEvents(payload: OpsgeniePayload, fileName: string): ImportResult {
  const { alert, action } = payload;
  const stamp = alert.updatedAt ?? alert.createdAt;
  const stampField = alert.updatedAt === undefined ? 'createdAt' : 'updatedAt';
  const at = epochMillis(stamp, fileName, `/alert/${stampField}`);
  const createdAt = epochMillis(alert.createdAt, fileName, '/alert/createdAt');
  const kind = kinds[action] ?? 'observation';
  const externalId = `opsgenie:${alert.alertId}:${action}:${String(stamp)}`;
  const ref = alert.tinyId === undefined ? alert.alertId : `#${alert.tinyId}`;
  const labels: Record<string, string> = {};
  if (alert.priority !== undefined) {
    labels.severity = typeof alert.priority === 'number' ? `P${alert.priority}` : alert.priority;
  }
  if (alert.entity) {
    labels.service = alert.entity;
  }
  const text =
    action === 'AddNote' && alert.note !== undefined
      ? `Opsgenie note on alert ${ref} "${alert.message}": ${alert.note}`
      : `Opsgenie alert ${ref} ${action}: ${alert.message}`;
  const name = instantOf[action];
  return {
    source: 'opsgenie',
    events: [
      {
        externalId,
        occurredAt: at,
        originalTimestamp: String(stamp),
        originalZone: 'UTC',
        text,
        kind,
        actor: alert.username ?? null,
        sourceRef: ref,
        rawRef: `${fileName}#/alert`,
        details: {
          action,
          alertId: alert.alertId,
          dedupKey: alert.alias ?? alert.alertId,
          title: alert.message,
          labels,
          tags: alert.tags ?? [],
          createdAtMs: String(alert.createdAt),
          createdAt: createdAt.toISOString(),
          updatedAtNs: alert.updatedAt === undefined ? null : String(alert.updatedAt),
          insertedAtNs: alert.insertedAt === undefined ? null : String(alert.insertedAt),
          integrationName: payload.integrationName ?? null,
        },
        ambiguities: [],
      },
    ],
    instants:
      name === undefined ? [] : [{ name, at, source: 'opsgenie', evidenceExternalId: externalId }],
    warnings: [],
  };
}
