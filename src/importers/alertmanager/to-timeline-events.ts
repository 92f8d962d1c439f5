import type {
  ImportedEvent,
  ImportResult,
  ImportWarning,
  KeyInstantProposal,
} from '../imported-event.ts';
import { extreme } from './json-converter.ts';
import type { AlertmanagerAlert, AlertmanagerPayload } from './payload-schema.ts';
import { fieldError } from './payload-text.ts';
import { isGoZeroTime, type PreciseInstant, parseRfc3339 } from './rfc3339.ts';

/** A stable short id for a label set, for captures without `fingerprint` (FNV-1a, 64 bit). */
export function labelsFingerprint(labels: Record<string, string>): string {
  const text = Object.keys(labels)
    .sort()
    .map((key) => `${key}=${labels[key]}`)
    .join('\u0000');
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= BigInt(text.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

function readInstant(text: string, fileName: string, path: string): PreciseInstant {
  const instant = parseRfc3339(text);
  if (instant === null) {
    throw fieldError(
      fileName,
      path,
      'invalid_timestamp',
      `not an RFC 3339 instant: ${text.slice(0, 40)}`,
    );
  }
  return instant;
}

/**
 * Alertmanager-shaped alerts to events: a detection at `startsAt` for every alert, and a
 * resolution at `endsAt` only for an alert whose status is `resolved` — a firing alert's
 * `endsAt` (Go zero time or a future time) is never read as a resolution.
 */
export function alertsToTimelineEvents(
  source: 'alertmanager' | 'grafana',
  payload: AlertmanagerPayload,
  fileName: string,
): ImportResult {
  const events: ImportedEvent[] = [];
  const warnings: ImportWarning[] = [];
  const detections: Array<{ at: Date; id: string }> = [];
  const resolutions: Array<{ at: Date; id: string }> = [];
  payload.alerts.forEach((alert: AlertmanagerAlert, index) => {
    const pointer = `/alerts/${index}`;
    const labels = { ...(payload.commonLabels ?? {}), ...alert.labels };
    const annotations = { ...(payload.commonAnnotations ?? {}), ...(alert.annotations ?? {}) };
    const fingerprint = alert.fingerprint ?? labelsFingerprint(alert.labels);
    const alertName = labels.alertname ?? 'alert';
    const summary =
      annotations.summary ?? annotations.title ?? annotations.message ?? annotations.description;
    const title = summary === undefined ? alertName : `${alertName}: ${summary}`;
    const endsAtText = alert.endsAt ?? '0001-01-01T00:00:00Z';
    const status =
      alert.status ?? payload.status ?? (isGoZeroTime(endsAtText) ? 'firing' : undefined);
    const starts = readInstant(alert.startsAt, fileName, `${pointer}/startsAt`);
    const ambiguities: ImportedEvent['ambiguities'] = [];
    if (status === undefined) {
      ambiguities.push({
        code: 'STATUS_MISSING',
        message: 'The alert has no status; its endsAt was not taken as a resolution.',
      });
    }
    const common = {
      actor: payload.receiver === undefined ? source : `${source} (${payload.receiver})`,
      sourceRef: alertName,
      originalZone: starts.zone,
    };
    const details = {
      fingerprint,
      dedupKey: fingerprint,
      title,
      labels,
      annotations,
      groupKey: payload.groupKey ?? null,
      generatorURL: alert.generatorURL ?? null,
      startsAt: { original: starts.original, epochNanos: starts.epochNanos },
      endsAt: endsAtText,
    };
    const detectionId = `${source}:${fingerprint}:${alert.startsAt}:firing`;
    events.push({
      ...common,
      externalId: detectionId,
      occurredAt: starts.at,
      originalTimestamp: starts.original,
      text: `Alert firing: ${title}`,
      kind: 'detection',
      rawRef: `${fileName}#${pointer}`,
      details: { ...details, status: 'firing' },
      ambiguities,
    });
    detections.push({ at: starts.at, id: detectionId });
    if (status === 'resolved') {
      if (isGoZeroTime(endsAtText)) {
        warnings.push({
          code: 'RESOLVED_WITHOUT_END',
          message:
            'A resolved alert carries the Go zero time as endsAt; no resolution instant kept.',
          where: `${fileName}#${pointer}/endsAt`,
        });
        return;
      }
      const ends = readInstant(endsAtText, fileName, `${pointer}/endsAt`);
      const resolutionId = `${source}:${fingerprint}:${alert.startsAt}:resolved`;
      events.push({
        ...common,
        externalId: resolutionId,
        occurredAt: ends.at,
        originalTimestamp: ends.original,
        originalZone: ends.zone,
        text: `Alert resolved: ${title}`,
        kind: 'resolution',
        rawRef: `${fileName}#${pointer}`,
        details: {
          ...details,
          status: 'resolved',
          endsAt: { original: ends.original, epochNanos: ends.epochNanos },
        },
        ambiguities: [],
      });
      resolutions.push({ at: ends.at, id: resolutionId });
    }
  });
  const instants: KeyInstantProposal[] = [];
  const first = extreme(detections, 'first');
  if (first !== null) {
    instants.push({ name: 'detected_at', at: first.at, source, evidenceExternalId: first.id });
  }
  const last = resolutions.length === payload.alerts.length ? extreme(resolutions, 'last') : null;
  if (last !== null) {
    instants.push({ name: 'resolved_at', at: last.at, source, evidenceExternalId: last.id });
  }
  return { source, events, instants, warnings };
}
