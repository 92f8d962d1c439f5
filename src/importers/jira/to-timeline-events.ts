import { parseRfc3339 } from '../alertmanager/rfc3339.ts';
import type { ImportResult } from '../imported-event.ts';
import type { JiraPayload } from './payload-schema.ts';

/** `+0100` → `+01:00`; Jira writes offsets without a colon (not strict RFC 3339). */
function colonOffset(zone: string): string {
  return /^[+-]\d{4}$/.test(zone) ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
}

/** A Jira field timestamp kept as written, with its instant when it can be read. */
function issueTime(text: string | null | undefined): Record<string, unknown> | null {
  if (text === null || text === undefined) {
    return null;
  }
  const instant = parseRfc3339(text);
  return instant === null
    ? { original: text, at: null }
    : { original: text, at: instant.at.toISOString(), zone: colonOffset(instant.zone) };
}

/**
 * A Jira issue webhook: one action per changelog item (`ABC-123 status: To Do → In Progress`),
 * or one action naming the webhook event when there is no changelog. The instant is the
 * webhook's `timestamp` (epoch ms, UTC).
 */
export function jiraToTimelineEvents(payload: JiraPayload, fileName: string): ImportResult {
  const result: ImportResult = { source: 'jira', events: [], instants: [], warnings: [] };
  const { issue, timestamp } = payload;
  const occurredAt = new Date(timestamp);
  const actor = payload.user?.displayName ?? payload.user?.name ?? null;
  const fields = issue.fields;
  const common = {
    webhookEvent: payload.webhookEvent,
    issueKey: issue.key,
    summary: fields?.summary ?? null,
    status: fields?.status?.name ?? null,
    priority: fields?.priority?.name ?? null,
    created: issueTime(fields?.created),
    updated: issueTime(fields?.updated),
    title: fields?.summary ?? issue.key,
    labels: fields?.priority?.name ? { priority: fields.priority.name } : {},
  };
  const base = {
    occurredAt,
    originalTimestamp: String(timestamp),
    originalZone: 'UTC',
    kind: 'action' as const,
    actor,
    sourceRef: issue.key,
  };
  const items = payload.changelog?.items ?? [];
  items.forEach((item, index) => {
    const from = item.fromString ?? '∅';
    const to = item.toString ?? '∅';
    result.events.push({
      ...base,
      externalId: `jira:${issue.key}:${timestamp}:${index}:${item.field}`,
      text: `${issue.key} ${item.field}: ${from} → ${to}`,
      rawRef: `${fileName}#/changelog/items/${index}`,
      details: {
        ...common,
        field: item.field,
        from: item.fromString ?? null,
        to: item.toString ?? null,
      },
      ambiguities: [],
    });
  });
  if (items.length === 0) {
    const what = payload.webhookEvent.replace(/^jira:/, '').replaceAll('_', ' ');
    result.events.push({
      ...base,
      externalId: `jira:${issue.key}:${timestamp}:${payload.webhookEvent}`,
      text: `${issue.key} ${what}${fields?.summary ? `: ${fields.summary}` : ''}`,
      rawRef: `${fileName}#/issue`,
      details: common,
      ambiguities: [],
    });
  }
  return result;
}
